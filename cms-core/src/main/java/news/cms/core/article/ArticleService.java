package news.cms.core.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.internal.ArticleRepository;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import news.cms.core.observability.Meters;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.Actor;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.Authorship;
import news.cms.core.workflow.IllegalTransition;
import news.cms.core.workflow.NotPermitted;
import news.cms.core.workflow.Workflow;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to change an article: a method per workflow action. Each runs in one transaction
 * that checks the workflow table and the caller's version, stores the new state, appends a
 * revision and an audit entry, and records one {@link ArticleChanged} event in the outbox.
 */
@Service
public class ArticleService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    public static final int MAX_NOTE = 2_000;

    /** Workflow commands by {@code action} and {@code outcome} (docs/adr/0017). */
    public static final String COMMANDS = "cms.workflow.commands";

    /** The commands that put a version before the public (or fix when it will be), checked by {@link PublishGuard}s. */
    private static final Set<Action> GOING_PUBLIC =
            Set.of(Action.PUBLISH, Action.SCHEDULE, Action.UPDATE, Action.CORRECT);

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObjectProvider<PublishGuard> guards;
    private final ObjectProvider<ContentGuard> contentGuards;

    ArticleService(
            ArticleRepository articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<PublishGuard> guards,
            ObjectProvider<ContentGuard> contentGuards) {
        this.guards = guards;
        this.contentGuards = contentGuards;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.meters = Meters.registry(meters);
        for (Action action : Action.values()) {
            commands(action, "success"); // every action's series from the start, so a rate reads 0, not nothing
        }
    }

    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public Article createDraft(ArticleContent content) {
        try {
            Article draft = newDraft(content);
            countWhenDone(Action.CREATE);
            return draft;
        } catch (RuntimeException e) {
            commands(Action.CREATE, outcomeOf(e)).increment();
            throw e;
        }
    }

    private Article newDraft(ArticleContent content) {
        Actor actor = currentActor();
        ArticleId id = ArticleId.random();
        Slug slug = Slug.fromHeadline(content.headline(), content.language().locale());
        Instant now = clock.instant();
        Article draft = Article.draft(id, slug, content, actor.name(), now);
        Article checked = draft;
        contentGuards.orderedStream().forEach(g -> g.check(checked, Action.CREATE));
        if (!articles.insertIfSlugFree(draft)) {
            // Another story has this headline's slug: this one gets its id's first letters after it.
            Slug unique = slug.withSuffix(id.value().toString().substring(0, 8));
            draft = Article.draft(id, unique, content, actor.name(), now);
            articles.insert(draft);
        }
        Article stored = draft;
        contentGuards.orderedStream().forEach(g -> g.stored(stored));
        recorded(draft, Action.CREATE, actor, null, Map.of());
        return draft;
    }

    /** Saves new content without changing the state; refused while someone else holds the edit lock. */
    @PreAuthorize(STAFF)
    @Transactional
    public Article save(ArticleId id, long expectedVersion, ArticleContent content) {
        return save(id, expectedVersion, content, false);
    }

    /**
     * Saves new content; a {@code minorEdit} (a typo, punctuation) says the change does not alter
     * what the story says, so its translations are not flagged stale (docs/adr/0019).
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Article save(ArticleId id, long expectedVersion, ArticleContent content, boolean minorEdit) {
        Actor actor = currentActor();
        articles.lock(id)
                .filter(l -> l.isLiveAt(clock.instant()) && !l.holder().equals(actor.name()))
                .ifPresent(l -> {
                    throw new LockHeld(l);
                });
        return command(
                id,
                expectedVersion,
                Action.EDIT,
                actor,
                a -> a.withContent(
                        content, a.state() == ArticleState.DRAFT && actor.isReporter() ? actor.name() : null),
                null,
                minorEdit);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article submit(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.SUBMIT, currentActor(), UnaryOperator.identity(), null);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article requestChanges(ArticleId id, long expectedVersion, String note) {
        return command(
                id,
                expectedVersion,
                Action.REQUEST_CHANGES,
                currentActor(),
                UnaryOperator.identity(),
                requiredNote(note, "note for the reporter"));
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article approve(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.APPROVE, currentActor(), UnaryOperator.identity(), null);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article publish(ArticleId id, long expectedVersion) {
        Instant now = clock.instant();
        return command(id, expectedVersion, Action.PUBLISH, currentActor(), a -> a.withNewPublicVersion(now), null);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article schedule(ArticleId id, long expectedVersion, Instant at) {
        if (!at.isAfter(clock.instant())) {
            throw new InvalidSchedule(InvalidSchedule.Kind.PUBLISHING, at);
        }
        return command(id, expectedVersion, Action.SCHEDULE, currentActor(), a -> a.withSchedule(at), null);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article unschedule(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.UNSCHEDULE, currentActor(), a -> a.withSchedule(null), null);
    }

    /** A new public version with a public correction note. */
    @PreAuthorize(STAFF)
    @Transactional
    public Article correct(ArticleId id, long expectedVersion, ArticleContent content, String publicNote) {
        Instant now = clock.instant();
        return command(
                id,
                expectedVersion,
                Action.CORRECT,
                currentActor(),
                a -> a.withContent(content, null).withNewPublicVersion(now),
                requiredNote(publicNote, "public correction note"));
    }

    /** A new public version without a correction note, e.g. a developing story. */
    @PreAuthorize(STAFF)
    @Transactional
    public Article update(ArticleId id, long expectedVersion, ArticleContent content) {
        return update(id, expectedVersion, content, false);
    }

    /** A new public version; a {@code minorEdit} leaves the story's translations up to date. */
    @PreAuthorize(STAFF)
    @Transactional
    public Article update(ArticleId id, long expectedVersion, ArticleContent content, boolean minorEdit) {
        Instant now = clock.instant();
        return command(
                id,
                expectedVersion,
                Action.UPDATE,
                currentActor(),
                a -> a.withContent(content, null).withNewPublicVersion(now),
                null,
                minorEdit);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article unpublish(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.UNPUBLISH, currentActor(), UnaryOperator.identity(), null);
    }

    /** Removes the story from every public surface for good; a kill notice with the reason remains. */
    @PreAuthorize(STAFF)
    @Transactional
    public Article kill(ArticleId id, long expectedVersion, String reason) {
        String why = requiredNote(reason, "reason for the kill");
        Instant now = clock.instant();
        return command(id, expectedVersion, Action.KILL, currentActor(), a -> a.withKill(why, now), why);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article spike(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.SPIKE, currentActor(), UnaryOperator.identity(), null);
    }

    @PreAuthorize(STAFF)
    @Transactional
    public Article restore(ArticleId id, long expectedVersion) {
        return command(id, expectedVersion, Action.RESTORE, currentActor(), UnaryOperator.identity(), null);
    }

    /**
     * Holds the story back from readers until {@code until}; partners with the embargo scope see it
     * with that time. {@code null} lifts the embargo.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Article embargo(ArticleId id, long expectedVersion, @Nullable Instant until) {
        if (until != null && !until.isAfter(clock.instant())) {
            throw new InvalidSchedule(InvalidSchedule.Kind.EMBARGO, until);
        }
        return command(id, expectedVersion, Action.EMBARGO, currentActor(), a -> a.withEmbargo(until), null);
    }

    /** Puts a scheduled article live; only the scheduler calls this, once the time has come. */
    @Transactional
    Article goLive(Article due) {
        Instant now = clock.instant();
        return command(
                due.id(), due.version(), Action.GO_LIVE, Actor.SCHEDULER, a -> a.withNewPublicVersion(now), null);
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<Article> find(ArticleId id) {
        return articles.find(id);
    }

    /**
     * A published article (embargoed or not), for readers' and partners' surfaces and the search
     * index; open to everyone, so it never returns anything unpublished.
     */
    @Transactional(readOnly = true)
    public Optional<Article> findPublished(ArticleId id) {
        return articles.find(id).filter(Article::isPublished);
    }

    /** {@link #findPublished(ArticleId)} for many articles at once, in two statements: those published. */
    @Transactional(readOnly = true)
    public Map<ArticleId, Article> findPublished(Collection<ArticleId> ids) {
        Map<ArticleId, Article> published = new LinkedHashMap<>();
        for (Article a : articles.findAll(ids)) {
            if (a.isPublished()) {
                published.put(a.id(), a);
            }
        }
        return published;
    }

    /**
     * An article that has been public, as readers and partners may know it now: live, withdrawn or
     * killed (the kill notice only); empty when it was never published. Open to everyone.
     */
    @Transactional(readOnly = true)
    public Optional<PublicArticle> findPublic(ArticleId id) {
        return Optional.ofNullable(findPublic(List.of(id)).get(id));
    }

    /**
     * {@link #findPublic(ArticleId)} for many articles at once (a feed page's stories), in three
     * statements whatever their number; those never published are missing from the answer.
     */
    @Transactional(readOnly = true)
    public Map<ArticleId, PublicArticle> findPublic(Collection<ArticleId> ids) {
        List<Article> known = articles.findAll(ids).stream()
                .filter(a -> a.publicVersion() > 0)
                .toList();
        Map<ArticleId, Integer> live = new LinkedHashMap<>();
        known.stream()
                .filter(a -> a.state() == ArticleState.PUBLISHED)
                .forEach(a -> live.put(a.id(), a.publicVersion()));
        Map<ArticleId, ArticleRepository.PublicVersionMade> made = articles.publicVersionsMade(live);
        Map<ArticleId, PublicArticle> found = new LinkedHashMap<>();
        for (Article a : known) {
            PublicArticle now = switch (a.state()) {
                case PUBLISHED -> {
                    ArticleRepository.PublicVersionMade version = made.get(a.id());
                    if (version == null) {
                        throw new IllegalStateException(
                                "no revision for public version " + a.publicVersion() + " of " + a.id());
                    }
                    yield new PublicArticle.Live(
                            a, version.at(), version.action() == Action.CORRECT ? version.note() : null);
                }
                case UNPUBLISHED -> new PublicArticle.Withdrawn(a.id(), a.language(), a.publicVersion(), a.updatedAt());
                case KILLED ->
                    new PublicArticle.Killed(
                            a.id(),
                            a.language(),
                            a.publicVersion(),
                            a.killReason() == null ? "" : a.killReason(),
                            a.killedAt() == null ? a.updatedAt() : a.killedAt());
                default -> null;
            };
            if (now != null) {
                found.put(a.id(), now);
            }
        }
        return found;
    }

    /** Published articles, newest change first, a page at a time; for rebuilding public surfaces. */
    @Transactional(readOnly = true)
    public List<Article> publishedPage(ArticleQuery.@Nullable Cursor after, int limit) {
        return articles.page(new ArticleQuery(Set.of(ArticleState.PUBLISHED), null, null, null, after, limit));
    }

    /** As {@link #publishedPage(ArticleQuery.Cursor, int)}, only stories in {@code language}. */
    @Transactional(readOnly = true)
    public List<Article> publishedPage(@Nullable LanguageTag language, ArticleQuery.@Nullable Cursor after, int limit) {
        return articles.page(new ArticleQuery(Set.of(ArticleState.PUBLISHED), language, null, null, after, limit));
    }

    /** The actions the signed-in user may take on the article now; the UI offers only these. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Set<Action> allowedActions(Article article) {
        return Workflow.allowed(article.state(), currentActor(), new Authorship(article.authors()));
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Revision> history(ArticleId id) {
        return articles.revisions(id);
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Article> page(ArticleQuery query) {
        return articles.page(query);
    }

    /** Scheduled go-live times and embargo ends, earliest first: the desk's calendar. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<CalendarEntry> calendar(CalendarQuery query) {
        return articles.calendar(query);
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public int count() {
        return articles.count();
    }

    private Article command(
            ArticleId id,
            long expectedVersion,
            Action action,
            Actor actor,
            UnaryOperator<Article> change,
            @Nullable String note) {
        return command(id, expectedVersion, action, actor, change, note, false);
    }

    private Article command(
            ArticleId id,
            long expectedVersion,
            Action action,
            Actor actor,
            UnaryOperator<Article> change,
            @Nullable String note,
            boolean minorEdit) {
        try {
            Article current = articles.find(id).orElseThrow(() -> new ArticleNotFound(id));
            if (current.version() != expectedVersion) {
                throw new StaleVersion(id, expectedVersion);
            }
            ArticleState to = Workflow.check(current.state(), action, actor, new Authorship(current.authors()));
            Article next = change.apply(current.next(to, actor.name(), clock.instant()));
            boolean storesContent = action == Action.EDIT || action == Action.UPDATE || action == Action.CORRECT;
            if (storesContent) {
                contentGuards.orderedStream().forEach(g -> g.check(next, action));
            }
            if (GOING_PUBLIC.contains(action)) {
                guards.orderedStream().forEach(g -> g.check(next));
            }
            articles.update(next, expectedVersion);
            if (storesContent) {
                contentGuards.orderedStream().forEach(g -> g.stored(next));
            }
            Map<String, String> details = new LinkedHashMap<>();
            if (note != null) {
                details.put("note", note);
            }
            if (minorEdit) {
                details.put("minor", "true");
            }
            recorded(next, action, actor, note, details);
            if (action == Action.EDIT || action == Action.UPDATE || action == Action.CORRECT) {
                events.publishEvent(new ArticleTextSaved(
                        next.id(),
                        next.version(),
                        action,
                        next.language(),
                        next.content().textHash(),
                        minorEdit,
                        actor.name(),
                        next.updatedAt()));
            }
            countWhenDone(action);
            return next;
        } catch (RuntimeException e) {
            commands(action, outcomeOf(e)).increment();
            throw e;
        }
    }

    /** A command that went through counts once its transaction ends: a success, or rolled back at commit. */
    private void countWhenDone(Action action) {
        Meters.afterCompletion(committed ->
                commands(action, committed ? "success" : "rolled-back").increment());
    }

    private Counter commands(Action action, String outcome) {
        return Counter.builder(COMMANDS)
                .description("Workflow commands by action and outcome")
                .tag("action", Meters.tag(action))
                .tag("outcome", outcome)
                .register(meters);
    }

    /** The refusal as a tag: one of a fixed few, never a message. */
    private static String outcomeOf(RuntimeException e) {
        return switch (e) {
            case StaleVersion s -> "stale-version";
            case IllegalTransition i -> "illegal-transition";
            case NotPermitted n -> "not-permitted";
            case LockHeld l -> "lock-held";
            case ArticleNotFound n -> "not-found";
            case InvalidText i -> "invalid";
            case NoteRequired n -> "invalid";
            case InvalidSchedule i -> "invalid";
            default -> "error";
        };
    }

    private void recorded(
            Article article, Action action, Actor actor, @Nullable String note, Map<String, String> details) {
        boolean newPublicVersion = switch (action) {
            case PUBLISH, GO_LIVE, CORRECT, UPDATE -> true;
            default -> false;
        };
        articles.appendRevision(new Revision(
                article.id(),
                article.version(),
                action,
                article.state(),
                actor.name(),
                article.updatedAt(),
                newPublicVersion ? article.publicVersion() : null,
                note,
                article.content()));
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("version", Long.toString(article.version()));
        all.put("state", article.state().name());
        audit.record(
                actor.name(),
                "article." + action.name().toLowerCase(java.util.Locale.ROOT),
                "article",
                article.id().toString(),
                all);
        events.publishEvent(new ArticleChanged(
                article.id(),
                article.version(),
                action,
                article.state(),
                article.updatedAt(),
                actor.name(),
                article.authors()));
    }

    /** @param field the note's name, e.g. "note for the reporter"; codes and messages use it */
    private static String requiredNote(@Nullable String note, String field) {
        if (note == null) {
            throw new NoteRequired(field);
        }
        String cleaned = Texts.clean(note, field).strip();
        if (cleaned.isEmpty()) {
            throw new NoteRequired(field);
        }
        if (cleaned.length() > MAX_NOTE) {
            throw new InvalidText(
                    "a " + field + " is longer than " + MAX_NOTE + " characters",
                    field,
                    InvalidText.Problem.TOO_LONG,
                    MAX_NOTE,
                    null);
        }
        return cleaned;
    }

    static Actor currentActor() {
        CurrentUser user = CurrentUser.get();
        return Actor.person(user.name(), user.roles());
    }
}
