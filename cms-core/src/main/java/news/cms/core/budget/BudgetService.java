package news.cms.core.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.stream.Collectors;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditLog;
import news.cms.core.budget.internal.PlannedItemRepository;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The story budget. Editors plan, edit and cancel items; the assignee is told through a {@link
 * PlannedItemAssigned} event in the outbox; only the assignee starts an item, once, which makes an
 * ordinary draft through {@link ArticleService} (so the draft runs the whole workflow). Every change
 * is audited.
 */
@Service
public class BudgetService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";
    private static final String EDITORS = "hasRole('EDITOR')";

    /** The most items one range or one person's list holds. */
    public static final int LIMIT = 500;

    /** The longest range one look at the budget may span. */
    public static final Duration MAX_RANGE = Duration.ofDays(62);

    private final PlannedItemRepository items;
    private final ArticleService articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BudgetService(
            PlannedItemRepository items,
            ArticleService articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.items = items;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Plans an item and tells its assignee.
     *
     * @throws BudgetRefused when the assignee is not an enabled reporter or editor
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlannedItem create(Plan plan) {
        String me = CurrentUser.get().name();
        requireAssignee(plan.assignee());
        Instant now = clock.instant();
        PlannedItem item = new PlannedItem(PlannedItemId.random(), plan, PlanState.PLANNED, null, me, now, now, 1);
        items.insert(item);
        audit.record(me, "budget.create", "planned-item", item.id().toString(), details(item));
        events.publishEvent(new PlannedItemAssigned(item.id(), plan.slug(), plan.assignee(), me, 1, now));
        return item;
    }

    /**
     * Replaces a planned item's plan; a new assignee is told.
     *
     * @throws PlannedItemNotFound when there is no such item
     * @throws BudgetRefused when it was started or cancelled, changed since {@code expectedVersion},
     *     or the assignee is not an enabled reporter or editor
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlannedItem update(PlannedItemId id, long expectedVersion, Plan plan) {
        String me = CurrentUser.get().name();
        PlannedItem current = open(id, expectedVersion);
        requireAssignee(plan.assignee());
        Instant now = clock.instant();
        PlannedItem next = new PlannedItem(
                id,
                plan,
                PlanState.PLANNED,
                null,
                current.createdBy(),
                current.createdAt(),
                now,
                current.version() + 1);
        store(next, expectedVersion);
        audit.record(me, "budget.update", "planned-item", id.toString(), details(next));
        if (!plan.assignee().equals(current.plan().assignee())) {
            events.publishEvent(new PlannedItemAssigned(id, plan.slug(), plan.assignee(), me, next.version(), now));
        }
        return next;
    }

    /**
     * Takes an item off the budget; it stays on record as cancelled.
     *
     * @throws BudgetRefused when it was started or cancelled, or changed since {@code expectedVersion}
     */
    @PreAuthorize(EDITORS)
    @Transactional
    public PlannedItem cancel(PlannedItemId id, long expectedVersion) {
        String me = CurrentUser.get().name();
        PlannedItem current = open(id, expectedVersion);
        PlannedItem next = new PlannedItem(
                id,
                current.plan(),
                PlanState.CANCELLED,
                null,
                current.createdBy(),
                current.createdAt(),
                clock.instant(),
                current.version() + 1);
        store(next, expectedVersion);
        audit.record(me, "budget.cancel", "planned-item", id.toString(), details(next));
        return next;
    }

    /**
     * "Start story": the assignee turns the item into a draft in one of its planned languages (the
     * main one when {@code language} is null), section carried over, the slug as working headline and
     * the notes as the first body, with the assignee's byline and the dateline place given. Once only.
     *
     * @throws BudgetRefused when the caller is not the assignee, the item was started or cancelled,
     *     or the language is not one it was planned in
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public Article start(PlannedItemId id, @Nullable String language, String datelinePlace) {
        String me = CurrentUser.get().name();
        // Locked: a second start (another tab, a double click) waits, then finds it started.
        PlannedItem item = items.findForUpdate(id).orElseThrow(() -> new PlannedItemNotFound(id));
        if (!item.plan().assignee().equals(me)) {
            throw new BudgetRefused(
                    BudgetRefused.Kind.NOT_ASSIGNEE, "only " + item.plan().assignee() + " may start " + id);
        }
        requirePlanned(item);
        LanguageTag lang =
                language == null || language.isBlank() ? item.plan().mainLanguage() : LanguageTag.of(language);
        if (item.plan().languages().stream().noneMatch(l -> l.primary().equals(lang.primary()))) {
            SequencedMap<String, Object> params = new LinkedHashMap<>();
            params.put("value", lang.value());
            throw new BudgetRefused(
                    BudgetRefused.Kind.LANGUAGE_NOT_PLANNED, id + " is not planned in " + lang.value(), params);
        }
        String place = Texts.required(datelinePlace, "dateline place");
        String byline = items.assignee(me).map(Assignee::displayName).orElse(me);
        Plan plan = item.plan();
        String workingHeadline = plan.slug().replace('-', ' ');
        Article draft = articles.createDraft(new ArticleContent(
                lang,
                plan.section(),
                workingHeadline,
                "",
                plan.notes().isEmpty() ? workingHeadline : plan.notes(),
                List.of(new Byline(byline, null)),
                new Dateline(place, null, null, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))));
        PlannedItem started = new PlannedItem(
                id,
                plan,
                PlanState.STARTED,
                draft.id(),
                item.createdBy(),
                item.createdAt(),
                clock.instant(),
                item.version() + 1);
        store(started, item.version());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("slug", plan.slug());
        details.put("article", draft.id().toString());
        details.put("language", lang.value());
        audit.record(me, "budget.start", "planned-item", id.toString(), details);
        return draft;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<PlannedItem> find(PlannedItemId id) {
        return items.find(id);
    }

    /**
     * Every item due at or after {@code from} and before {@code to} (cancelled ones too), earliest
     * first, at most {@link #LIMIT}.
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<PlannedItem> due(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("the range is empty: from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("a range spans at most " + MAX_RANGE.toDays() + " days");
        }
        return items.due(from, to, LIMIT);
    }

    /** What is assigned to me and not cancelled, earliest due first. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional(readOnly = true)
    public List<PlannedItem> mine() {
        return items.assignedTo(CurrentUser.get().name(), LIMIT);
    }

    /** Whom an item may be given to: enabled reporters and editors. */
    @PreAuthorize(EDITORS)
    @Transactional(readOnly = true)
    public List<Assignee> assignees() {
        return items.assignees();
    }

    private PlannedItem open(PlannedItemId id, long expectedVersion) {
        PlannedItem current = items.findForUpdate(id).orElseThrow(() -> new PlannedItemNotFound(id));
        requirePlanned(current);
        if (current.version() != expectedVersion) {
            throw new BudgetRefused(BudgetRefused.Kind.CHANGED, id + " changed since version " + expectedVersion);
        }
        return current;
    }

    private static void requirePlanned(PlannedItem item) {
        switch (item.state()) {
            case STARTED ->
                throw new BudgetRefused(
                        BudgetRefused.Kind.ALREADY_STARTED, item.id() + " was started as " + item.articleId());
            case CANCELLED -> throw new BudgetRefused(BudgetRefused.Kind.CANCELLED, item.id() + " was cancelled");
            case PLANNED -> {}
        }
    }

    private void requireAssignee(String username) {
        if (items.assignee(username).isEmpty()) {
            SequencedMap<String, Object> params = new LinkedHashMap<>();
            params.put("value", username);
            throw new BudgetRefused(
                    BudgetRefused.Kind.ASSIGNEE, username + " is not an enabled reporter or editor", params);
        }
    }

    private void store(PlannedItem item, long expectedVersion) {
        if (!items.update(item, expectedVersion)) {
            throw new BudgetRefused(
                    BudgetRefused.Kind.CHANGED, item.id() + " changed since version " + expectedVersion);
        }
    }

    private static Map<String, String> details(PlannedItem item) {
        Plan p = item.plan();
        Map<String, String> d = new LinkedHashMap<>();
        d.put("slug", p.slug());
        d.put("section", p.section());
        d.put("assignee", p.assignee());
        d.put("due", p.due().toString());
        d.put("words", Integer.toString(p.plannedWords()));
        d.put("languages", p.languages().stream().map(LanguageTag::value).collect(Collectors.joining(" ")));
        d.put("version", Long.toString(item.version()));
        return d;
    }
}
