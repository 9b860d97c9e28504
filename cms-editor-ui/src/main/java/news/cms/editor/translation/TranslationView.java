package news.cms.editor.translation;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.article.EditLock;
import news.cms.core.article.LockHeld;
import news.cms.core.article.Revision;
import news.cms.core.article.StaleVersion;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import news.cms.core.workflow.Action;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A translation beside its source, paragraph by paragraph: the source read-only in its own language
 * and direction, the translation editable in its own. When the source changed since the version the
 * translation follows, the changed, new and removed paragraphs of the source are marked, and a save
 * of the translation clears the stale flag (the domain does it on any save of a stale translation).
 *
 * <p>The translation's paragraphs line up with the paragraphs of the source version it was made
 * from: its paragraph <i>n</i> stands beside the source's paragraph <i>n</i> of that version, wherever
 * that paragraph has moved since, and a new source paragraph gets an empty box beside it.
 */
@Route("translation/:id")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class TranslationView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver, HasDynamicTitle {

    private final ArticleService articles;
    private final TranslationService translations;
    private final ArticleLocks locks;
    private final String me;

    private final H2 title = new H2();
    private final Span state = new Span();
    private final Span stale = new Span();
    private final Anchor storyLink = new Anchor();
    private final Anchor sourceLink = new Anchor();
    private final Div notes = new Div();
    private final Button save = new Button();
    private final Div sides = new Div();

    private final TextField headline = new TextField();
    private final TextArea standfirst = new TextArea();
    private final List<TextArea> paragraphs = new ArrayList<>();

    private @Nullable Article translation;
    /** Text typed since the translation was shown or saved. */
    private boolean typed;

    TranslationView(
            ArticleService articles, TranslationService translations, ArticleLocks locks, AuthenticationContext auth) {
        this.articles = articles;
        this.translations = translations;
        this.locks = locks;
        this.me = auth.getPrincipalName().orElse("");
        setWidthFull();

        title.setId("translation-title");
        state.setId("translation-state");
        state.getElement().getThemeList().add("badge");
        stale.setId("translation-stale");
        stale.setText(getTranslation("translation.stale"));
        stale.getElement().getThemeList().add("badge error");
        storyLink.setId("translation-story-link");
        storyLink.setText(getTranslation("translation.story-page"));
        storyLink.getElement().setAttribute("router-link", true);
        sourceLink.setId("translation-source-link");
        sourceLink.getElement().setAttribute("router-link", true);
        notes.setId("translation-notes");
        notes.addClassName("translation-notes");
        save.setId("translation-save");
        save.setText(getTranslation("story.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTooltipText("Ctrl+S");
        save.getElement().setAttribute("aria-keyshortcuts", "Control+S");
        save.addClickListener(e -> save());
        sides.setId("side-by-side");
        sides.addClassName("side-by-side");

        headline.setId("translation-headline");
        headline.setLabel(getTranslation("field.headline"));
        headline.setWidthFull();
        standfirst.setId("translation-standfirst");
        standfirst.setLabel(getTranslation("field.standfirst"));
        standfirst.setWidthFull();
        headline.addValueChangeListener(e -> typed |= e.isFromClient());
        standfirst.addValueChangeListener(e -> typed |= e.isFromClient());

        HorizontalLayout header = new HorizontalLayout(title, state, stale);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout links = new HorizontalLayout(save, storyLink, sourceLink);
        links.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(header, links, notes, sides);

        Shortcuts.addShortcutListener(this, this::save, Key.KEY_S, KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Optional<Article> found;
        try {
            found = articles.find(ArticleId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            Notices.refused(getTranslation("story.not-found", id));
            event.forwardTo("");
            return;
        }
        Optional<Translation> membership = translations.find(found.get().id());
        if (membership.isEmpty() || membership.get().source() == null) {
            // An original (or a story in no group) has nothing to stand beside: its own page instead.
            Notices.refused(getTranslation("translation.not-a-translation"));
            event.forwardTo("story/" + found.get().id());
            return;
        }
        show(found.get(), membership.get());
    }

    private void show(Article shown, Translation membership) {
        translation = shown;
        typed = false;
        ArticleId sourceId = Objects.requireNonNull(membership.source());
        Article source = articles.find(sourceId).orElseThrow();
        // The source as it stood when the translation was made (or last caught up with it).
        ArticleContent base = membership.sourceVersion() == null
                ? source.content()
                : articles.history(sourceId).stream()
                        .filter(r -> r.version() == membership.sourceVersion())
                        .map(Revision::content)
                        .findFirst()
                        .orElse(source.content());
        boolean marked = membership.stale();

        LanguageTag from = source.language();
        LanguageTag to = shown.language();
        title.setText(getTranslation(
                "translation.title", Notices.languageName(from.value()), Notices.languageName(to.value())));
        state.setText(getTranslation("state." + Notices.key(shown.state().name())) + " · v" + shown.version());
        stale.setVisible(membership.stale());
        storyLink.setHref("story/" + shown.id());
        sourceLink.setHref("story/" + sourceId);
        sourceLink.setText(getTranslation("translation.source-page", Notices.languageName(from.value())));

        boolean editable = editable(shown);
        notes.removeAll();
        if (marked) {
            notes.add(note("translation-changes-note", getTranslation("translation.changes-marked")));
        }
        if (membership.notice() != null && membership.noticeAt() != null) {
            notes.add(note(
                    "translation-source-notice",
                    getTranslation(
                            "translation.notice."
                                    + Notices.key(membership.notice().name()),
                            Notices.when(membership.noticeAt()))));
        }
        if (!editable) {
            notes.add(note("translation-read-only", readOnlyReason(shown)));
        }
        save.setVisible(editable);

        sides.removeAll();
        paragraphs.clear();
        sides.add(heading(getTranslation("translation.original", Notices.languageName(from.value()))));
        sides.add(heading(getTranslation("translation.translation", Notices.languageName(to.value()))));

        headline.setValue(shown.headline());
        headline.setReadOnly(!editable);
        TextDirections.onInput(headline, to);
        sides.add(sourceCell("source-headline", "source-headline", from, base.headline(), source.headline(), marked));
        sides.add(headline);

        standfirst.setValue(shown.standfirst());
        standfirst.setReadOnly(!editable);
        TextDirections.onInput(standfirst, to);
        sides.add(sourceCell(
                "source-standfirst", "source-standfirst", from, base.standfirst(), source.standfirst(), marked));
        sides.add(standfirst);

        List<String> mine = Paragraphs.of(shown.body());
        List<Paragraphs.Row> rows = Paragraphs.compare(Paragraphs.of(base.body()), Paragraphs.of(source.body()));
        int row = 0;
        for (Paragraphs.Row r : rows) {
            sides.add(sourceParagraph(row, r, from, marked));
            String text = r.baseIndex() >= 0 && r.baseIndex() < mine.size() ? mine.get(r.baseIndex()) : "";
            sides.add(paragraph(row, text, to, editable));
            row++;
        }
        int aligned = (int) rows.stream().filter(r -> r.baseIndex() >= 0).count();
        for (int extra = aligned; extra < mine.size(); extra++) {
            Div empty = new Div();
            empty.addClassName("source-cell");
            sides.add(empty);
            sides.add(paragraph(row, mine.get(extra), to, editable));
            row++;
        }
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!typed) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("dialog.unsaved.title"),
                getTranslation("dialog.unsaved.text"),
                getTranslation("dialog.unsaved.discard"),
                e -> leave.proceed(),
                getTranslation("dialog.unsaved.stay"),
                e -> leave.cancel());
        dialog.setId("unsaved-changes");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private boolean editable(Article shown) {
        Optional<EditLock> other =
                locks.current(shown.id()).filter(l -> !l.holder().equals(me));
        return other.isEmpty() && articles.allowedActions(shown).contains(Action.EDIT);
    }

    private String readOnlyReason(Article shown) {
        Optional<EditLock> other =
                locks.current(shown.id()).filter(l -> !l.holder().equals(me));
        if (other.isPresent()) {
            return getTranslation(
                    "story.locked-by",
                    other.get().holder(),
                    Notices.when(other.get().acquiredAt()));
        }
        return getTranslation("translation.read-only");
    }

    private static Span heading(String text) {
        Span s = new Span(text);
        s.addClassName("side-heading");
        return s;
    }

    private static Span note(String id, String text) {
        Span s = new Span(text);
        s.setId(id);
        s.addClassName("translation-note");
        return s;
    }

    /** A source field now, marked with what it said before when it changed since the translated version. */
    private Div sourceCell(String id, String className, LanguageTag language, String before, String now, boolean mark) {
        Div cell = new Div();
        cell.setId(id);
        cell.addClassNames("source-cell", className);
        TextDirections.onText(cell, language);
        Div text = new Div();
        text.addClassName("source-text");
        text.setText(now);
        cell.add(text);
        if (mark && !before.equals(now)) {
            cell.addClassName("source-changed");
            cell.add(before(before));
        }
        return cell;
    }

    private Div sourceParagraph(int row, Paragraphs.Row r, LanguageTag language, boolean mark) {
        Div cell = new Div();
        cell.setId("source-p-" + row);
        cell.addClassName("source-cell");
        TextDirections.onText(cell, language);
        Div text = new Div();
        text.addClassName("source-text");
        text.setText(r.after() == null ? Objects.requireNonNull(r.before()) : r.after());
        cell.add(text);
        if (mark && r.kind() != Paragraphs.Kind.SAME) {
            cell.addClassName("source-" + Notices.key(r.kind().name()));
            cell.getElement().setAttribute("data-change", Notices.key(r.kind().name()));
            cell.getElement()
                    .setAttribute(
                            "title",
                            getTranslation(
                                    "translation.change." + Notices.key(r.kind().name())));
            if (r.kind() == Paragraphs.Kind.CHANGED) {
                cell.add(before(Objects.requireNonNull(r.before())));
            }
        }
        return cell;
    }

    private Div before(String text) {
        Div was = new Div();
        was.addClassName("source-before");
        was.setText(text);
        was.getElement().setAttribute("aria-label", getTranslation("translation.before") + " " + text);
        return was;
    }

    private TextArea paragraph(int row, String text, LanguageTag language, boolean editable) {
        TextArea area = new TextArea();
        area.setId("translation-p-" + row);
        area.addClassName("translation-paragraph");
        area.setAriaLabel(getTranslation("translation.paragraph", row + 1));
        area.setWidthFull();
        area.setValue(text);
        area.setReadOnly(!editable);
        area.addValueChangeListener(e -> typed |= e.isFromClient());
        TextDirections.onInput(area, language);
        paragraphs.add(area);
        return area;
    }

    private void save() {
        Article current = translation;
        if (current == null || !save.isVisible()) {
            return;
        }
        ArticleContent content;
        try {
            ArticleContent c = current.content();
            content = new ArticleContent(
                    c.language(),
                    c.section(),
                    headline.getValue(),
                    standfirst.getValue(),
                    Paragraphs.join(paragraphs.stream().map(HasValue::getValue).toList()),
                    c.bylines(),
                    c.dateline(),
                    c.tags(),
                    c.directions());
        } catch (IllegalArgumentException refused) {
            Notices.refused(Notices.explain(refused));
            return;
        }
        // A lock this user already holds (the story page in another tab) stays theirs after the save.
        boolean locked = false;
        try {
            if (locks.current(current.id()).filter(l -> l.holder().equals(me)).isEmpty()) {
                locks.acquire(current.id());
                locked = true;
            }
            Article saved = articles.save(current.id(), current.version(), content);
            Notices.done(getTranslation("story.saved", saved.version()));
            translations.find(saved.id()).ifPresent(m -> show(saved, m));
        } catch (StaleVersion e) {
            Notices.refused(getTranslation("translation.saved-meanwhile"));
        } catch (LockHeld | AccessDeniedException | IllegalArgumentException e) {
            Notices.refused(Notices.explain(e));
        } finally {
            if (locked) {
                release(current.id());
            }
        }
    }

    private void release(ArticleId id) {
        try {
            locks.release(id);
        } catch (RuntimeException e) {
            // The lock lapses on its own.
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("translation.page-title");
    }
}
