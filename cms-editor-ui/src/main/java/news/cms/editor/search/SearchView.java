package news.cms.editor.search;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchHit;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchResults;
import news.cms.core.search.SearchService;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;

/**
 * Search over published stories with the engine's per-language analyzers: highlighted passages, a
 * language filter, and "more" pages through the engine's cursor (never an offset). A stale
 * translation carries its badge, read from PostgreSQL as the page is shown (the index holds no
 * staleness, so a flag set or cleared since the story was indexed shows at once).
 */
@Route("search")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class SearchView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 20;

    private final SearchService search;
    private final TranslationService translations;
    private final TextField query = new TextField();
    private final ComboBox<String> language = new ComboBox<>();
    private final Div results = new Div();
    private final Span status = new Span();
    /** Hidden when there is nothing more; package-private for tests. */
    final Button more = new Button();

    private @Nullable SearchQuery next;
    private int shown;

    SearchView(SearchService search, TranslationService translations) {
        this.search = search;
        this.translations = translations;
        query.setId("search-query");
        query.setLabel(getTranslation("search.query"));
        query.setMaxLength(SearchQuery.MAX_TEXT);
        query.getElement().setAttribute("dir", "auto");
        query.setWidth("28em");
        query.addKeyPressListener(Key.ENTER, e -> search());
        language.setId("search-language");
        language.setLabel(getTranslation("field.language"));
        language.setItems("en", "ar", "ckb", "tr");
        language.setItemLabelGenerator(Notices::languageName);
        language.setClearButtonVisible(true);
        Button go = new Button(getTranslation("search.go"), e -> search());
        go.setId("search-go");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(query, language, go);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        status.setId("search-status");
        // Announced when it changes: how many stories were found.
        status.getElement().setAttribute("role", "status");
        results.setId("search-results");
        more.setText(getTranslation("search.more"));
        more.setId("search-more");
        more.setVisible(false);
        more.addClickListener(e -> {
            if (next != null) {
                show(next);
            }
        });
        add(new H2(getTranslation("nav.search")), form, status, results, more);
    }

    private void search() {
        results.removeAll();
        shown = 0;
        next = null;
        more.setVisible(false);
        status.setText("");
        if (query.getValue().isBlank()) {
            query.setErrorMessage(getTranslation("search.query.required"));
            query.setInvalid(true);
            return;
        }
        SearchQuery q;
        try {
            LanguageTag lang = language.getValue() == null ? null : LanguageTag.of(language.getValue());
            q = new SearchQuery(query.getValue(), lang, null, null, null, null, PAGE);
        } catch (IllegalArgumentException e) {
            query.setErrorMessage(getTranslation("error.refused", e.getMessage()));
            query.setInvalid(true);
            return;
        }
        query.setInvalid(false);
        show(q);
    }

    private void show(SearchQuery q) {
        SearchResults page;
        try {
            page = search.search(q);
        } catch (RuntimeException engineDown) {
            Notices.refused(getTranslation("search.unavailable"));
            return;
        }
        Set<ArticleId> stale = translations
                .findAll(page.hits().stream().map(SearchHit::id).toList())
                .stream()
                .filter(Translation::stale)
                .map(Translation::articleId)
                .collect(Collectors.toSet());
        page.hits().forEach(hit -> results.add(hit(hit, stale.contains(hit.id()))));
        shown += page.hits().size();
        next = page.next() == null ? null : q.after(page.next());
        more.setVisible(next != null);
        status.setText(shown == 0 ? getTranslation("search.none") : getTranslation("search.shown", shown));
    }

    /** One hit in its own language and direction, with a link to the story in the editor. */
    private Div hit(SearchHit hit, boolean stale) {
        Anchor headline = new Anchor("story/" + hit.id(), hit.headline());
        headline.getElement().setAttribute("router-link", true);
        headline.addClassName("search-headline");
        Span when = new Span(Notices.when(hit.publishedAt()) + " · "
                + Notices.languageName(hit.language().value()));
        when.addClassName("search-meta");
        when.getElement().setAttribute("dir", "auto");
        Div snippet = new Div(Snippets.render(hit.snippet()));
        snippet.getElement().setAttribute("dir", hit.language().direction().htmlValue());
        snippet.getElement().setAttribute("lang", hit.language().value());
        Div headlineBox = new Div(headline);
        headlineBox.getElement().setAttribute("dir", hit.language().direction().htmlValue());
        headlineBox.getElement().setAttribute("lang", hit.language().value());
        Div row = new Div(headlineBox, snippet, when);
        if (stale) {
            Span badge = new Span(getTranslation("translation.stale"));
            badge.addClassName("stale-badge");
            badge.getElement().getThemeList().add("badge error");
            badge.getElement().setAttribute("title", getTranslation("translation.stale-hint"));
            badge.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            row.add(badge);
        }
        row.addClassName("search-hit");
        row.getElement().setAttribute("data-article", hit.id().toString());
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.page-title");
    }
}
