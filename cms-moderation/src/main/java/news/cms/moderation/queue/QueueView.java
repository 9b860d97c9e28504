package news.cms.moderation.queue;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.BulkDecision;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentQueue;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.QueueQuery;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.ScreeningResult;
import news.cms.moderation.language.LanguageSwitch;
import org.jspecify.annotations.Nullable;

/**
 * The moderators' queue: pending, approved or rejected comments, filtered by story, section,
 * language and guideline category or searched, counted and scrolled through however many there are
 * (the grid reads a slice at a time). The chosen comment shows in the {@link CommentPanel}; the
 * grid's checkboxes tick several for one decision, which asks first above a few. A decision waits
 * in the {@link DecisionWindow} a few seconds, undoable, and the next comment is chosen at once. New
 * comments appear without a reload (the page polls for the count).
 */
@Route("")
@RolesAllowed("MODERATOR")
class QueueView extends Div implements AfterNavigationObserver, HasDynamicTitle, CommentPanel.Owner {

    static final int HISTORY = 10;
    static final Set<String> LANGUAGES = new LinkedHashSet<>(List.of("en", "ar", "ckb", "tr"));
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /**
     * A time as moderators everywhere read it, in UTC, written with the digits the UI language writes
     * its counts in (Sorani: Arabic-Indic), so one screen never mixes two sets of digits.
     */
    static String time(Instant at, Locale locale) {
        return TIME.withDecimalStyle(DecimalStyle.of(locale)).format(at);
    }
    /** The session attribute that remembers a moderator turned the single-key shortcuts off. */
    static final String KEYS_OFF = QueueView.class.getName() + ".keys-off";

    private final CommentQueue queue;
    private final CommentService comments;
    private final ArticleService articles;
    private final DecisionWindow window;
    private final QueueProperties properties;
    private final RadioButtonGroup<CommentState> state = new RadioButtonGroup<>();
    private final RadioButtonGroup<QueueQuery.Order> order = new RadioButtonGroup<>();
    private final ComboBox<String> section = new ComboBox<>();
    private final Select<String> language = new Select<>();
    private final Select<RejectionReason> category = new Select<>();
    private final TextField search = new TextField();
    private final Button story = new Button();
    private final H1 title = new H1();
    private final Span count = new Span();
    private final Grid<Item> grid = new Grid<>();
    private final CommentPanel panel;
    private final Checkbox keys = new Checkbox();
    private final Map<ArticleId, Optional<Article>> stories = new HashMap<>();
    private final List<DecisionWindow.Held> held = new ArrayList<>();
    private final CallbackDataProvider<Item, Void> data;
    private QueueQuery filters = QueueQuery.pending();
    private @Nullable Item current;
    private int shownCount = -1;
    private @Nullable Registration polling;

    QueueView(
            AuthenticationContext auth,
            CommentQueue queue,
            CommentService comments,
            CommentThreads threads,
            ArticleService articles,
            DecisionWindow window,
            QueueProperties properties,
            Clock clock) {
        this.queue = queue;
        this.comments = comments;
        this.articles = articles;
        this.window = window;
        this.properties = properties;
        this.panel = new CommentPanel(comments, threads, clock, this);
        setId("queue-view");
        addClassName("queue-view");

        Span app = new Span(getTranslation("app.title"));
        app.addClassName("app-title");
        keys.setId("keys-enabled");
        keys.setLabel(getTranslation("keys.enabled"));
        keys.setValue(!Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(KEYS_OFF)));
        keys.addValueChangeListener(e -> {
            VaadinSession.getCurrent().setAttribute(KEYS_OFF, e.getValue() ? null : Boolean.TRUE);
            panel.setKeysEnabled(e.getValue());
        });
        panel.setKeysEnabled(keys.getValue());
        Button help = new Button(getTranslation("keys.show"), e -> new KeysDialog().open());
        help.setId("keys-help");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(app, new LanguageSwitch(), keys, help, user, signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(app);
        Header header = new Header(bar);
        header.addClassName("queue-header");

        title.setId("queue-title");
        state.setId("queue-state");
        state.setLabel(getTranslation("queue.state"));
        state.setItems(CommentState.values());
        state.setItemLabelGenerator(s -> getTranslation("queue." + s.name().toLowerCase(Locale.ROOT)));
        state.setValue(CommentState.PENDING);
        state.addValueChangeListener(e -> {
            order.setVisible(e.getValue() == CommentState.PENDING);
            filter(filters.withState(e.getValue()));
        });
        order.setId("queue-order");
        order.setLabel(getTranslation("queue.order"));
        order.setItems(QueueQuery.Order.values());
        order.setItemLabelGenerator(
                o -> getTranslation("queue.order." + o.name().toLowerCase(Locale.ROOT)));
        order.setValue(QueueQuery.Order.OLDEST);
        order.addValueChangeListener(e -> filter(filters.withOrder(e.getValue())));

        story.setId("story-filter");
        story.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        story.setVisible(false);
        story.addClickListener(e -> filter(filters.withArticle(null)));
        section.setId("section-filter");
        section.setLabel(getTranslation("filter.section"));
        section.setClearButtonVisible(true);
        section.addValueChangeListener(e -> filter(filters.withSection(e.getValue())));
        language.setId("language-filter");
        language.setLabel(getTranslation("filter.language"));
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> l == null ? getTranslation("filter.all") : panel.languageName(l));
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("filter.all"));
        language.addValueChangeListener(
                e -> filter(filters.withLanguage(e.getValue() == null ? null : LanguageTag.of(e.getValue()))));
        category.setId("category-filter");
        category.setLabel(getTranslation("filter.category"));
        category.setItems(RejectionReason.values());
        category.setItemLabelGenerator(
                r -> r == null ? getTranslation("filter.all") : getTranslation("reason." + r.code()));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("filter.all"));
        category.addValueChangeListener(e -> filter(filters.withCategory(e.getValue())));
        search.setId("search");
        search.setLabel(getTranslation("filter.search"));
        search.setClearButtonVisible(true);
        search.setMaxLength(QueueQuery.MAX_SEARCH);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.getElement().setAttribute("dir", "auto");
        search.addValueChangeListener(e -> filter(filters.withSearch(e.getValue())));
        HorizontalLayout choices = new HorizontalLayout(state, order);
        choices.setWrap(true);
        HorizontalLayout narrowing = new HorizontalLayout(section, language, category, search, story);
        narrowing.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        narrowing.setWrap(true);
        Div filtersBox = new Div(choices, narrowing);
        filtersBox.setId("queue-filters");
        filtersBox.getElement().setAttribute("role", "search");
        filtersBox.getElement().setAttribute("aria-label", getTranslation("filter.label"));

        count.setId("queue-count");
        count.getElement().setAttribute("role", "status");

        grid.setId("queue-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.setAriaLabel(getTranslation("queue.grid"));
        grid.addColumn(i -> time(i.comment().createdAt(), getLocale()))
                .setHeader(getTranslation("column.submitted"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(i -> i.screening().risk())
                .setHeader(getTranslation("column.risk"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(i -> cell(i.headline(), i.headlineLanguage()))
                .setHeader(getTranslation("column.story"))
                .setFlexGrow(1);
        grid.addComponentColumn(i -> cell(i.comment().displayName().value(), null))
                .setHeader(getTranslation("column.name"))
                .setAutoWidth(true);
        grid.addComponentColumn(i ->
                        cell(snippet(i.comment().text().value()), i.comment().language()))
                .setHeader(getTranslation("column.comment"))
                .setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("queue.empty"));
        data = new CallbackDataProvider<>(
                q -> fetch(q.getOffset(), q.getLimit()),
                q -> counted(queue.count(query())),
                i -> i.comment().id());
        grid.setItems(data);
        grid.getLazyDataView()
                .setItemIndexProvider(
                        (item, q) -> queue.position(query(), item.comment().id()));
        grid.asMultiSelect().addSelectionListener(e -> {
            Set<Item> added = e.getAddedSelection();
            if (!added.isEmpty()) {
                show(added.iterator().next());
            } else if (current != null && !e.getAllSelectedItems().contains(current)) {
                show(e.getAllSelectedItems().stream().findFirst().orElse(null));
            } else {
                show(current);
            }
        });
        // A click on a row picks that one comment and puts the keyboard in the panel; checkboxes tick several.
        grid.addItemClickListener(e -> {
            grid.deselectAll();
            grid.select(e.getItem());
            panel.focusPanel();
        });
        grid.setHeight("22rem");

        Main main = new Main(title, filtersBox, count, grid, panel);
        main.setId("queue-main");
        add(header, main);
        showTitle();
    }

    // Every arrival (also back to the same route, which reuses this view) shows the queue as it is now.
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        section.setItems(queue.sections());
        refreshAndSelectFirst();
        panel.focusPanel();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("queue.page-title");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        ui.setPollInterval((int) properties.pollInterval().toMillis());
        polling = ui.addPollListener(e -> poll());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    // New comments (or others' decisions) change the count: then the grid reads its rows again.
    private void poll() {
        int now = queue.count(query());
        if (now != shownCount) {
            data.refreshAll();
            if (current == null) {
                refreshAndSelectFirst();
            }
        }
    }

    private QueueQuery query() {
        Set<CommentId> hidden = new LinkedHashSet<>();
        held.forEach(h -> hidden.addAll(h.ids()));
        return filters.excluding(hidden);
    }

    private Stream<Item> fetch(int offset, int limit) {
        List<Item> items = new ArrayList<>();
        QueueQuery q = query();
        long end = (long) offset + limit;
        for (int at = offset; at < end; at += CommentQueue.MAX_SLICE) {
            List<Comment> slice = queue.slice(q, at, (int) Math.min(CommentQueue.MAX_SLICE, end - at));
            slice.forEach(c -> items.add(item(c)));
            if (slice.size() < CommentQueue.MAX_SLICE) {
                break;
            }
        }
        return items.stream();
    }

    private int counted(int n) {
        shownCount = n;
        count.setText(getTranslation("queue.count." + filters.state().name().toLowerCase(Locale.ROOT), n));
        return n;
    }

    private void filter(QueueQuery next) {
        filters = next;
        if (next.article() == null) {
            story.setVisible(false);
        } else {
            story.setText(getTranslation("filter.story", headline(next.article())));
            story.setVisible(true);
        }
        showTitle();
        refreshAndSelectFirst();
    }

    private void showTitle() {
        title.setText(getTranslation("queue.title." + filters.state().name().toLowerCase(Locale.ROOT)));
    }

    private void refreshAndSelectFirst() {
        data.refreshAll();
        grid.deselectAll();
        select(queue.slice(query(), 0, 1).stream().findFirst().map(this::item).orElse(null));
    }

    private void select(@Nullable Item item) {
        grid.deselectAll();
        if (item == null) {
            show(null);
            return;
        }
        grid.select(item);
        grid.scrollToItem(item);
    }

    private void show(@Nullable Item item) {
        current = item;
        panel.show(item, grid.getSelectedItems().size());
    }

    Item item(Comment comment) {
        Optional<Article> article = stories.computeIfAbsent(comment.articleId(), articles::findPublished);
        ScreeningResult screening =
                comment.screening() == null ? ScreeningResult.CLEAN : ScreeningResult.fromJson(comment.screening());
        return new Item(
                comment,
                article.map(Article::headline).orElseGet(() -> getTranslation("queue.story-gone")),
                article.map(a -> a.content().language()).orElse(null),
                screening);
    }

    private String headline(ArticleId id) {
        return stories.computeIfAbsent(id, articles::findPublished)
                .map(Article::headline)
                .orElseGet(() -> getTranslation("queue.story-gone"));
    }

    // A cell in its own language and direction; the grid cuts it at its end, whichever side that is.
    private static Span cell(String text, @Nullable LanguageTag lang) {
        Span span = new Span(text);
        span.addClassName("queue-cell");
        span.getElement().setAttribute("dir", "auto");
        if (lang != null) {
            span.getElement().setAttribute("lang", lang.value());
        }
        return span;
    }

    // ---- CommentPanel.Owner

    @Override
    public void approve() {
        decide(Decision.APPROVE);
    }

    @Override
    public void reject(RejectionReason reason, @Nullable AbuseKind kind) {
        decide(Decision.reject(reason, kind));
    }

    @Override
    public void move(int step) {
        if (current == null) {
            refreshAndSelectFirst();
            return;
        }
        CommentId at = current.comment().id();
        Optional<Comment> next = step > 0 ? queue.after(query(), at) : queue.before(query(), at);
        next.map(this::item).ifPresent(this::select);
    }

    @Override
    public void onlyStory(ArticleId article) {
        filter(filters.withArticle(article));
    }

    @Override
    public boolean hasQueue() {
        return true;
    }

    @Override
    public void undo() {
        if (held.isEmpty()) {
            return;
        }
        undo(held.getLast());
    }

    /** The ticked comments, oldest first; with none ticked, the one shown. */
    private List<Item> targets() {
        List<Item> ticked = grid.getSelectedItems().stream()
                .sorted(Comparator.comparing(i -> i.comment().createdAt()))
                .toList();
        if (!ticked.isEmpty()) {
            return ticked;
        }
        return current == null ? List.of() : List.of(current);
    }

    private void decide(Decision decision) {
        List<Item> targets =
                targets().stream().filter(i -> i.comment().isPending()).toList();
        if (targets.isEmpty()) {
            return;
        }
        if (targets.size() <= properties.confirmAbove()) {
            hold(targets, decision);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("bulk-confirm");
        confirm.setHeader(
                getTranslation(decision.approves() ? "bulk.approve.title" : "bulk.reject.title", targets.size()));
        confirm.setText(
                decision.approves()
                        ? getTranslation("bulk.approve.text", targets.size())
                        : getTranslation(
                                "bulk.reject.text",
                                targets.size(),
                                getTranslation("reason." + decision.reason().code())));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.setConfirmText(
                getTranslation(decision.approves() ? "bulk.approve.confirm" : "bulk.reject.confirm", targets.size()));
        confirm.setConfirmButtonTheme(decision.approves() ? "primary success" : "primary error");
        confirm.addConfirmListener(e -> hold(targets, decision));
        confirm.addCancelListener(e -> panel.focusPanel());
        confirm.open();
    }

    private void hold(List<Item> targets, Decision decision) {
        Item anchor = current != null && targets.contains(current) ? current : targets.getFirst();
        UI ui = UI.getCurrent();
        List<CommentId> ids = targets.stream().map(i -> i.comment().id()).toList();
        DecisionWindow.Held[] holding = new DecisionWindow.Held[1];
        holding[0] = window.hold(
                ids,
                decision,
                stored -> ui.access(() -> stored(holding[0], stored)),
                failed -> ui.access(() -> failed(holding[0])));
        held.add(holding[0]);
        QueueQuery q = query();
        Optional<Comment> next = queue.after(q, anchor.comment().id())
                .or(() -> queue.before(q, anchor.comment().id()));
        data.refreshAll();
        select(next.map(this::item).orElse(null));
        announce(holding[0], targets.size());
        panel.focusPanel();
    }

    private void announce(DecisionWindow.Held h, int n) {
        Decision d = h.decision();
        String what = d.approves()
                ? getTranslation(n == 1 ? "decision.approved" : "decision.approved.n", n)
                : getTranslation(
                        n == 1 ? "decision.rejected" : "decision.rejected.n",
                        n,
                        getTranslation("reason." + d.reason().code())
                                + (d.abuseKind() == null
                                        ? ""
                                        : " · "
                                                + getTranslation(
                                                        "abuse." + d.abuseKind().code())));
        Notification notice = new Notification();
        notice.setId("decision-notice");
        notice.setDuration((int) properties.undoWindow().toMillis());
        notice.setPosition(Notification.Position.BOTTOM_START);
        Span text = new Span(what);
        text.setId("decision-text");
        Button undo = new Button(getTranslation("decision.undo"), e -> {
            notice.close();
            undo(h);
        });
        undo.setId("undo");
        if (panel.keysEnabled()) {
            undo.getElement().setAttribute("aria-keyshortcuts", "U");
        }
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout content = new HorizontalLayout(text, undo);
        content.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        notice.add(content);
        notice.open();
    }

    private void undo(DecisionWindow.Held h) {
        if (!held.contains(h)) {
            return;
        }
        if (!h.undo()) {
            Notification.show(getTranslation("decision.too-late"));
            return;
        }
        held.remove(h);
        data.refreshAll();
        comments.find(h.ids().getFirst()).map(this::item).ifPresent(this::select);
        Notification undone = Notification.show(getTranslation("decision.undone"));
        undone.setId("undone-notice");
        panel.focusPanel();
    }

    private void stored(DecisionWindow.Held h, BulkDecision result) {
        held.remove(h);
        if (!result.alreadyDecided().isEmpty()) {
            Notification.show(
                    getTranslation("decision.others", result.alreadyDecided().size()));
            data.refreshAll();
        }
    }

    private void failed(DecisionWindow.Held h) {
        held.remove(h);
        Notification.show(getTranslation("decision.failed"));
        data.refreshAll();
    }

    static String snippet(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    record Item(Comment comment, String headline, @Nullable LanguageTag headlineLanguage, ScreeningResult screening) {}
}
