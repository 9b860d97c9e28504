package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationRefused;
import news.cms.core.translation.TranslationService;
import news.cms.core.workflow.ArticleState;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The story's language versions (each by its name in the UI language, with its state and a stale
 * badge, linking to it) and "Translate into…", which makes a draft in another language through
 * {@link TranslationService} and opens it beside its source.
 */
class TranslationPanel extends HorizontalLayout {

    /** The newsroom's story languages, offered first; any other BCP 47 tag may be typed. */
    static final List<String> LANGUAGES = List.of("en", "ar", "ckb", "tr");

    private final TranslationService translations;
    private final news.cms.core.article.ArticleService articles;
    private final boolean mayTranslate;
    private final BooleanSupplier unsaved;
    private final HorizontalLayout versions = new HorizontalLayout();
    private final Button translate = new Button();
    private final Span unavailable = new Span();
    private final Span label = new Span();
    private @Nullable Article article;
    private Set<String> taken = Set.of();

    /**
     * @param mayTranslate whether the user has a role that translates (the service checks it too)
     * @param unsaved whether the story page holds text not saved yet (a translation starts from the saved text)
     */
    TranslationPanel(
            TranslationService translations,
            news.cms.core.article.ArticleService articles,
            boolean mayTranslate,
            BooleanSupplier unsaved) {
        this.translations = translations;
        this.articles = articles;
        this.mayTranslate = mayTranslate;
        this.unsaved = unsaved;
        setId("translations");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        versions.setId("translation-group");
        versions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        versions.setWrap(true);
        versions.getElement().setAttribute("role", "list");
        translate.setId("translate-into");
        translate.setText(getTranslation("translation.translate-into"));
        translate.addClickListener(e -> ask());
        unavailable.setId("translate-unavailable");
        unavailable.addClassName("action-missing");
        label.setId("translation-group-label");
        label.setText(getTranslation("translation.versions"));
        label.addClassName("translation-versions-label");
        versions.getElement().setAttribute("aria-labelledby", "translation-group-label");
        add(label, versions, translate, unavailable);
    }

    void show(@Nullable Article shown) {
        article = shown;
        versions.removeAll();
        if (shown == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        List<Translation> group = translations.group(shown.id());
        taken = group.stream().map(Translation::language).collect(Collectors.toSet());
        label.setVisible(!group.isEmpty());
        versions.setVisible(!group.isEmpty());
        for (Translation member : group) {
            articles.find(member.articleId()).ifPresent(a -> versions.add(version(member, a, shown)));
        }
        boolean closed = shown.state() == ArticleState.KILLED || shown.state() == ArticleState.SPIKED;
        translate.setVisible(mayTranslate && !closed);
        unavailable.setVisible(mayTranslate && closed);
        unavailable.setText(closed ? getTranslation("translation.not-translatable") : "");
    }

    /** One version: its language's name linking to it, its state, and the stale badge when it is stale. */
    private HorizontalLayout version(Translation member, Article a, Article shown) {
        String lang = member.language();
        boolean self = a.id().equals(shown.id());
        String name = Notices.languageName(a.language().value());
        HorizontalLayout item = new HorizontalLayout();
        item.setId("version-" + lang);
        item.addClassName("translation-version");
        item.setSpacing(false);
        item.getElement().setAttribute("role", "listitem");
        item.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (self) {
            Span current = new Span(name);
            current.addClassName("version-current");
            current.getElement().setAttribute("aria-current", "page");
            item.add(current);
        } else {
            Anchor link = new Anchor("story/" + a.id(), name);
            link.setId("version-link-" + lang);
            link.getElement().setAttribute("router-link", true);
            item.add(link);
        }
        Span state = new Span(getTranslation("state." + Notices.key(a.state().name())));
        state.getElement().getThemeList().add("badge contrast");
        item.add(state);
        if (member.isOriginal()) {
            Span original = new Span(getTranslation("translation.is-original"));
            original.getElement().getThemeList().add("badge");
            item.add(original);
        }
        if (member.stale()) {
            Span stale = new Span(getTranslation("translation.stale"));
            stale.setId("stale-" + lang);
            stale.addClassName("stale-badge");
            stale.getElement().getThemeList().add("badge error");
            item.add(stale);
        }
        if (!member.isOriginal()) {
            Anchor sideBySide = new Anchor("translation/" + a.id(), getTranslation("translation.side-by-side"));
            sideBySide.setId("side-by-side-" + lang);
            sideBySide.getElement().setAttribute("router-link", true);
            item.add(sideBySide);
        }
        return item;
    }

    /** Asks for the language: the newsroom's languages the group has not got yet, or a typed tag. */
    private void ask() {
        Article source = article;
        if (source == null) {
            return;
        }
        if (unsaved.getAsBoolean()) {
            Notices.refused(getTranslation("story.save-first"));
            return;
        }
        String own = source.language().primary();
        ComboBox<String> language = new ComboBox<>(getTranslation("field.language"));
        language.setId("translate-language");
        language.setItems(LANGUAGES.stream()
                .filter(l -> !l.equals(own) && !taken.contains(l))
                .toList());
        language.setItemLabelGenerator(Notices::languageName);
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail().strip()));
        language.setRequired(true);
        language.setWidthFull();

        Dialog dialog = new Dialog();
        dialog.setId("translate-dialog");
        dialog.setHeaderTitle(getTranslation("translation.translate-into"));
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> dialog.close());
        Button go = new Button(getTranslation("translation.create"), e -> create(source, language, dialog));
        go.setId("translate-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(language);
        dialog.getFooter().add(cancel, go);
        dialog.open();
        language.focus();
    }

    private void create(Article source, ComboBox<String> language, Dialog dialog) {
        String tag = Optional.ofNullable(language.getValue()).orElse("").strip();
        if (tag.isEmpty()) {
            language.setErrorMessage(getTranslation("translation.choose-language"));
            language.setInvalid(true);
            return;
        }
        try {
            Article draft = translations.translate(source.id(), tag);
            dialog.close();
            Notices.done(getTranslation(
                    "translation.created", Notices.languageName(draft.language().value())));
            getUI().ifPresent(ui -> ui.navigate("translation/" + draft.id()));
        } catch (TranslationRefused refused) {
            language.setErrorMessage(refusal(refused));
            language.setInvalid(true);
            Notices.refused(refusal(refused));
        } catch (IllegalArgumentException | AccessDeniedException | ArticleNotFound e) {
            language.setErrorMessage(Notices.explain(e));
            language.setInvalid(true);
            Notices.refused(Notices.explain(e));
        }
    }

    /** The refusal in the UI language, a known language named rather than coded, an unknown one as typed. */
    private String refusal(TranslationRefused refused) {
        String name = refused instanceof TranslationRefused.UnknownLanguage
                ? refused.language()
                : Notices.languageName(refused.language());
        return getTranslation("refusal." + refused.code(), name);
    }
}
