package news.cms.editor.desk;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleQuery;
import news.cms.core.article.ArticleService;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.LanguageTag;
import news.cms.core.notice.LiveChanges;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import news.cms.editor.layout.Live;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;

/**
 * The desk: queues of stories, newest change first, loaded a keyset page at a time; a change made
 * anywhere (another person, another app) shows without a reload.
 */
@Route("")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class DeskView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    private final ArticleService articles;
    private final TranslationService translations;
    /** The stale translations among the rows loaded so far, for their badges. */
    private final Set<ArticleId> stale = new HashSet<>();

    private final String me;
    private final Grid<Article> grid = new Grid<>(Article.class, false);
    private final Map<Tab, Queue> queues = new LinkedHashMap<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final TextField section = new TextField();
    private Queue queue = Queue.MINE;
    private BiFunction<Integer, Integer, List<Article>> pager;
    private final LiveChanges live;
    private LiveChanges.@Nullable Registration following;

    DeskView(ArticleService articles, TranslationService translations, LiveChanges live, AuthenticationContext auth) {
        this.articles = articles;
        this.live = live;
        this.translations = translations;
        this.me = auth.getPrincipalName().orElse("");
        setSizeFull();
        language.setLabel(getTranslation("field.language"));
        section.setLabel(getTranslation("field.section"));

        Tabs tabs = new Tabs();
        tabs.setId("desk-queues");
        for (Queue q : Queue.values()) {
            Tab tab = new Tab(getTranslation("queue." + Notices.key(q.name())));
            tab.setId("queue-" + q.name().toLowerCase(java.util.Locale.ROOT));
            queues.put(tab, q);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> {
            queue = queues.get(e.getSelectedTab());
            refresh();
        });

        language.setId("desk-language");
        language.setItems("en", "ar", "ckb", "tr");
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
        language.setClearButtonVisible(true);
        language.addValueChangeListener(e -> refresh());
        section.setId("desk-section");
        section.setClearButtonVisible(true);
        section.setValueChangeMode(ValueChangeMode.LAZY);
        section.addValueChangeListener(e -> refresh());

        Button newStory = new Button(
                getTranslation("desk.new-story"), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("story")));
        newStory.setId("new-story");
        newStory.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout filters = new HorizontalLayout(language, section, newStory);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("desk-grid");
        grid.addColumn(new ComponentRenderer<>(DeskView::headline))
                .setHeader(getTranslation("field.headline"))
                .setFlexGrow(4);
        grid.addColumn(a -> a.language().value())
                .setHeader(getTranslation("field.language"))
                .setAutoWidth(true);
        grid.addColumn(Article::section)
                .setHeader(getTranslation("field.section"))
                .setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::state))
                .setHeader(getTranslation("desk.state"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.scheduledAt() == null ? "" : Notices.when(a.scheduledAt()))
                .setHeader(getTranslation("desk.scheduled"))
                .setAutoWidth(true);
        grid.addColumn(a -> Notices.when(a.updatedAt()))
                .setHeader(getTranslation("desk.updated"))
                .setAutoWidth(true);
        grid.setPageSize(PAGE);
        // A click anywhere on a row opens the story; a modified click on the headline link is the
        // browser's (a new tab or window), so the row leaves it alone.
        grid.addItemClickListener(e -> {
            if (!e.isCtrlKey() && !e.isMetaKey() && !e.isShiftKey()) {
                open(e.getItem());
            }
        });
        grid.getElement().executeJs(LINK_KEYS);
        grid.getElement()
                .addEventListener(
                        "desk-open",
                        e -> openLink(e.getEventData().path("event.detail.href").asString("")))
                .addEventData("event.detail.href");
        grid.setSizeFull();

        pager = pager();
        // No count: the grid grows as it scrolls, so a queue is never counted or loaded whole.
        grid.setItems(q -> withBadges(pager.apply(q.getOffset(), q.getLimit())).stream());

        add(new H2(getTranslation("nav.desk")), tabs, filters, grid);
        setFlexGrow(1, grid);
    }

    /** Any story changed anywhere: the queue is read again (a burst of changes reads it once). */
    @Override
    protected void onAttach(AttachEvent event) {
        following = Live.follow(event.getUI(), live, "article", id -> true, this::refresh);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (following != null) {
            following.close();
            following = null;
        }
    }

    private void refresh() {
        pager = pager();
        stale.clear();
        grid.getDataProvider().refreshAll();
    }

    private BiFunction<Integer, Integer, List<Article>> pager() {
        LanguageTag lang = languageFilter();
        String sec = section.getValue().isBlank() ? null : section.getValue().strip();
        if (queue == Queue.TO_UPDATE) {
            KeysetPager<ToUpdate, Translation> toUpdate =
                    new KeysetPager<>((after, limit) -> toUpdate(lang, sec, after, limit), ToUpdate::translation, PAGE);
            return (offset, limit) -> toUpdate.fetch(offset, limit).stream()
                    .map(ToUpdate::article)
                    .toList();
        }
        String author = queue.mine() ? me : null;
        KeysetPager<Article, ArticleQuery.Cursor> stories = new KeysetPager<>(
                (after, limit) -> articles.page(new ArticleQuery(queue.states(), lang, sec, author, after, limit)),
                a -> new ArticleQuery.Cursor(a.updatedAt(), a.id()),
                ArticleQuery.MAX_LIMIT);
        return stories::fetch;
    }

    /** A stale translation and its article. */
    private record ToUpdate(Translation translation, Article article) {}

    /**
     * Stale translations after a cursor, stale longest first, up to {@code limit} of them in the
     * section (when one is asked for): the section is the article's, so pages are read until enough
     * match or none are left.
     */
    private List<ToUpdate> toUpdate(
            @Nullable LanguageTag lang, @Nullable String sec, @Nullable Translation after, int limit) {
        List<ToUpdate> rows = new ArrayList<>(limit);
        Translation cursor = after;
        while (rows.size() < limit) {
            List<Translation> page = translations.toUpdate(lang == null ? null : lang.primary(), cursor, limit);
            for (Translation t : page) {
                articles.find(t.articleId())
                        .filter(a -> sec == null || a.section().equals(sec))
                        .filter(a -> rows.size() < limit)
                        .ifPresent(a -> rows.add(new ToUpdate(t, a)));
            }
            if (page.size() < limit) {
                break;
            }
            cursor = page.getLast();
        }
        return rows;
    }

    /** Notes which of the loaded rows are stale translations, for the state column's badge. */
    private List<Article> withBadges(List<Article> rows) {
        if (!rows.isEmpty()) {
            for (Translation t :
                    translations.findAll(rows.stream().map(Article::id).toList())) {
                if (t.stale()) {
                    stale.add(t.articleId());
                } else {
                    stale.remove(t.articleId());
                }
            }
        }
        return rows;
    }

    /** The state, and a badge on a translation whose source changed since it was made. */
    private HorizontalLayout state(Article article) {
        Span label =
                new Span(getTranslation("state." + Notices.key(article.state().name())));
        HorizontalLayout cell = new HorizontalLayout(label);
        cell.setSpacing(false);
        cell.getStyle().set("gap", "var(--lumo-space-xs)");
        if (stale.contains(article.id())) {
            Span badge = new Span(getTranslation("translation.stale"));
            badge.addClassName("stale-badge");
            badge.getElement().getThemeList().add("badge error small");
            badge.getElement().setAttribute("title", getTranslation("translation.stale-hint"));
            cell.add(badge);
        }
        return cell;
    }

    private @Nullable LanguageTag languageFilter() {
        String value = language.getValue();
        if (value == null || value.isBlank()) {
            language.setInvalid(false);
            return null;
        }
        try {
            LanguageTag tag = LanguageTag.of(value);
            language.setInvalid(false);
            return tag;
        } catch (InvalidLanguageTag e) {
            language.setErrorMessage(getTranslation("error.language-tag", value));
            language.setInvalid(true);
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("desk.page-title");
    }

    /** Enter on a row: the link's story, if the page sent one of ours (nothing else is navigated to). */
    private void openLink(String href) {
        if (href == null || !href.startsWith("story/")) {
            return;
        }
        try {
            ArticleId id = ArticleId.parse(href.substring("story/".length()));
            getUI().ifPresent(ui -> ui.navigate("story/" + id));
        } catch (IllegalArgumentException notOurs) {
            // not a story link: nothing to open
        }
    }

    private void open(Article article) {
        getUI().ifPresent(ui -> ui.navigate("story/" + article.id()));
    }

    /**
     * The headline as a link to the story (announced as a link, opens in a new tab on request), in its
     * own language and direction: cut to fit, an Arabic or Sorani headline keeps its start and loses
     * its end (editor.css).
     */
    private static Anchor headline(Article article) {
        Anchor link = new Anchor("story/" + article.id(), article.headline());
        link.addClassName("desk-headline");
        link.getElement().setAttribute("router-link", true);
        link.getElement().setAttribute("title", article.headline());
        TextDirections.onText(link, article.language());
        return link;
    }

    /**
     * Keyboard and mouse for the headline links inside the grid: Enter on a row follows its link (the
     * grid would otherwise only enter its interaction mode), and a plain click on a link is left to the
     * row's click listener so that it opens once.
     */
    private static final String LINK_KEYS = """
            const grid = this;
            grid.addEventListener('click', e => {
              const link = e.composedPath().find(n => n.localName === 'a');
              if (link && e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); }
            }, true);
            grid.addEventListener('keydown', e => {
              if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) { return; }
              const row = e.composedPath().find(n => n.localName === 'tr');
              let link = null;
              if (row) {
                for (const slot of row.querySelectorAll('slot')) {
                  const content = slot.assignedElements()[0];
                  link = content && content.querySelector('a.desk-headline');
                  if (link) { break; }
                }
              }
              if (link) {
                e.preventDefault();
                e.stopPropagation();
                grid.dispatchEvent(new CustomEvent('desk-open', {detail: {href: link.getAttribute('href')}}));
              }
            }, true);
            """;
}
