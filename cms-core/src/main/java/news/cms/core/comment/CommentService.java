package news.cms.core.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.audit.AuditLog;
import news.cms.core.comment.internal.BanRepository;
import news.cms.core.comment.internal.ClientTraits;
import news.cms.core.comment.internal.CommentRepository;
import news.cms.core.comment.internal.EmailHasher;
import news.cms.core.comment.internal.TraitHasher;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to store and decide comments. Submitting is open (the intake decides who may comment
 * and when); deciding and reading the queue need the MODERATOR role. Each decision is one
 * transaction that stores it, appends an audit event and records one event in the outbox.
 */
@Service
public class CommentService {

    /** Who decided a comment that was rejected automatically, as hard spam. */
    public static final String SCREENING = "screening";

    private final CommentRepository comments;
    private final BanRepository bans;
    private final EmailHasher emails;
    private final TraitHasher traits;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentService(
            CommentRepository comments,
            BanRepository bans,
            EmailHasher emails,
            TraitHasher traits,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.bans = bans;
        this.emails = emails;
        this.traits = traits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the comment as PENDING, or returns the comment the same client stored earlier on the same
     * article under the same idempotency key: retries never make a second comment. Keys are per
     * client (fingerprint): another client's key is another comment. Does not check whether the
     * article takes comments now; that is the intake's job.
     *
     * @throws ArticleNotFound when the article does not exist
     * @throws CommenterBanned when a ban applies to the client, its traits or the e-mail, and nothing
     *     is stored
     * @throws IdempotencyKeyReused when the client stored another comment under this key
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Comment submit(NewComment comment) {
        return submit(comment, null).comment();
    }

    /**
     * Like {@link #submit(NewComment)}, storing the automatic screening's result with the comment.
     *
     * @param screening the screening result as a JSON object, or null when not screened
     * @return the stored comment, and whether this call stored it (false for a retry)
     */
    // READ COMMITTED, so that the re-read after a lost insert sees the winner's committed row.
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Submission submit(NewComment comment, @Nullable String screening) {
        return submit(comment, screening, null);
    }

    /**
     * Like {@link #submit(NewComment, String)}; with {@code spamRule}, a new comment is rejected as
     * spam at once, by "screening", in the same transaction (audited with the rule). Only for hard
     * spam, and only where the app is configured so: everything else waits for a moderator.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Submission submit(NewComment comment, @Nullable String screening, @Nullable String spamRule) {
        EmailHash email = comment.email() == null ? null : emails.hash(comment.email());
        ClientTraits origin = comment.origin() == null ? null : traits.hash(comment.origin());
        Instant now = clock.instant();
        Optional<Ban> ban = bans.applying(comment.clientFingerprint(), email, origin, now);
        if (ban.isPresent()) {
            throw new CommenterBanned(ban.get());
        }
        Comment pending = Comment.pending(CommentId.random(), ReceiptId.random(), comment, email, now, screening);
        if (comments.insertIfNew(pending, origin)) {
            if (spamRule == null) {
                return new Submission(pending, true);
            }
            Comment rejected = pending.rejected(RejectionReason.SPAM, null, SCREENING, now);
            store(rejected);
            audit.record(
                    SCREENING,
                    "comment.reject",
                    "comment",
                    rejected.id().toString(),
                    Map.of("article", rejected.articleId().toString(), "reason", "spam", "rule", spamRule));
            events.publishEvent(new CommentRejected(
                    rejected.id(), rejected.articleId(), RejectionReason.SPAM, null, SCREENING, now));
            return new Submission(rejected, true);
        }
        Comment earlier = comments.findByIdempotencyKey(
                        comment.articleId(), comment.clientFingerprint(), comment.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("comment for idempotency key " + comment.idempotencyKey()
                        + " on article " + comment.articleId() + " vanished"));
        if (!earlier.isSameSubmissionAs(comment, email)) {
            throw new IdempotencyKeyReused(comment.idempotencyKey());
        }
        return new Submission(earlier, false);
    }

    /**
     * @throws CommentNotFound when there is no such comment
     * @throws CommentAlreadyDecided when it was approved or rejected already
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Comment approve(CommentId id) {
        return decideApproval(id);
    }

    private Comment decideApproval(CommentId id) {
        Comment approved = load(id).approved(actor(), clock.instant());
        store(approved);
        audit.record(
                approved.decidedBy(),
                "comment.approve",
                "comment",
                approved.id().toString(),
                Map.of("article", approved.articleId().toString()));
        events.publishEvent(
                new CommentApproved(approved.id(), approved.articleId(), approved.decidedBy(), approved.decidedAt()));
        return approved;
    }

    /**
     * @throws CommentNotFound when there is no such comment
     * @throws CommentAlreadyDecided when it was approved or rejected already
     * @throws RejectionReasonRequired when the reason is missing
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Comment reject(CommentId id, RejectionReason reason) {
        return decideRejection(id, reason, null);
    }

    /**
     * Rejects a comment for {@link RejectionReason#ABUSE}, or another reason, saying which abuse.
     *
     * @throws IllegalArgumentException when an abuse kind comes with another reason than ABUSE
     * @see #reject(CommentId, RejectionReason)
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Comment reject(CommentId id, RejectionReason reason, @Nullable AbuseKind abuseKind) {
        return decideRejection(id, reason, abuseKind);
    }

    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Optional<Comment> find(CommentId id) {
        return comments.find(id);
    }

    /**
     * The comment a receipt was issued for, for the commenter who holds it; the caller shows only the
     * state and reason, not what moderation alone may see.
     */
    @Transactional(readOnly = true)
    public Optional<Comment> findByReceipt(ReceiptId receipt) {
        return comments.findByReceipt(receipt);
    }

    /**
     * The comment this client submitted earlier on this article under this comment's idempotency key,
     * so that the intake can answer a retry without counting it against rate limits. Open like
     * {@link #submit}: a key only finds its own client's comment.
     *
     * @throws IdempotencyKeyReused when the earlier comment is not this one (another text, name,
     *     language or e-mail): a retry sends the same comment again
     */
    @Transactional(readOnly = true)
    public Optional<Comment> findSubmission(NewComment comment) {
        Optional<Comment> earlier = comments.findByIdempotencyKey(
                comment.articleId(), comment.clientFingerprint(), comment.idempotencyKey());
        if (earlier.isPresent()) {
            EmailHash email = comment.email() == null ? null : emails.hash(comment.email());
            if (!earlier.get().isSameSubmissionAs(comment, email)) {
                throw new IdempotencyKeyReused(comment.idempotencyKey());
            }
        }
        return earlier;
    }

    /** The moderation queue: PENDING comments, oldest first. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public CommentPage pending(@Nullable CommentCursor after, int limit) {
        checkLimit(limit);
        return page(comments.pending(after, limit + 1), limit);
    }

    /**
     * The moderation queue riskiest first (by the screening's risk, then oldest first): the first
     * {@code limit} PENDING comments; unscreened comments count as risk 0.
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public List<Comment> pendingByRisk(int limit) {
        checkLimit(limit);
        return comments.pendingByRisk(limit);
    }

    /**
     * An article's approved comments in the order they were written, for readers; the caller maps
     * them to what readers may see (no e-mail hash, fingerprint or receipt).
     */
    @Transactional(readOnly = true)
    public CommentPage approvedFor(ArticleId articleId, @Nullable CommentCursor after, int limit) {
        checkLimit(limit);
        return page(comments.approved(articleId, after, limit + 1), limit);
    }

    /**
     * How often the new comment's text (folded, see {@link TextDigest}) was posted within the window
     * before now: by its client on any article, and by anyone on its article. Open like
     * {@link #submit}, for screening before the comment is stored.
     */
    @Transactional(readOnly = true)
    public Repeats repeatsOf(NewComment comment, Duration window) {
        int[] counts = comments.repeats(
                TextDigest.of(comment.text()),
                comment.clientFingerprint(),
                comment.articleId(),
                clock.instant().minus(window));
        return new Repeats(counts[0], counts[1]);
    }

    /**
     * Approves each comment still PENDING, each with its own audit event and outbox event, in one
     * transaction; comments decided meanwhile are reported and left alone.
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public BulkDecision approveAll(Collection<CommentId> ids) {
        return decideAll(ids, this::decideApproval);
    }

    /**
     * Rejects each comment still PENDING for the same reason, like {@link #approveAll}.
     *
     * @throws RejectionReasonRequired when the reason is missing, before anything is decided
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public BulkDecision rejectAll(Collection<CommentId> ids, @Nullable RejectionReason reason) {
        if (reason == null) {
            if (ids.isEmpty()) {
                return new BulkDecision(List.of(), List.of());
            }
            throw new RejectionReasonRequired(ids.iterator().next());
        }
        return decideAll(ids, id -> decideRejection(id, reason, null));
    }

    /**
     * The commenter's other comments (same client fingerprint or same e-mail hash), newest first, at
     * most {@code limit}.
     *
     * @throws CommentNotFound when there is no such comment
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public List<Comment> historyOf(CommentId id, int limit) {
        checkLimit(limit);
        return comments.history(load(id), limit);
    }

    /**
     * Bans the commenter of a comment by its e-mail hash, client id and address, those it has
     * ({@link BanBy#usual()}). Audited.
     *
     * @throws CommentNotFound when there is no such comment
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Ban banCommenterOf(CommentId id, BanTerm term, BanReason reason) {
        return ban(load(id), term, reason, BanBy.usual());
    }

    /**
     * Bans the commenter of a comment by the traits chosen, of those the comment has (see
     * {@link #banOptionsOf}): from now on the intake refuses any comment with one of them. A comment
     * stored before traits were kept is banned by its client fingerprint for ADDRESS. Audited.
     *
     * @throws CommentNotFound when there is no such comment
     * @throws IllegalArgumentException when the comment has none of the traits chosen
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Ban banCommenterOf(CommentId id, BanTerm term, BanReason reason, Set<BanBy> by) {
        return ban(load(id), term, reason, by);
    }

    /** The traits the commenter of this comment can be banned by. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public Set<BanBy> banOptionsOf(CommentId id) {
        Comment comment = load(id);
        Set<BanBy> options = EnumSet.of(BanBy.ADDRESS);
        if (comment.emailHash() != null) {
            options.add(BanBy.EMAIL);
        }
        comments.traitsOf(id).ifPresent(t -> {
            options.add(BanBy.NETWORK);
            if (t.clientId() != null) {
                options.add(BanBy.CLIENT_ID);
            }
        });
        return options;
    }

    private Ban ban(Comment comment, BanTerm term, BanReason reason, Set<BanBy> by) {
        Instant now = clock.instant();
        ClientTraits origin = comments.traitsOf(comment.id()).orElse(null);
        boolean byAddress = by.contains(BanBy.ADDRESS);
        Ban ban = new Ban(
                BanId.random(),
                origin == null && byAddress ? comment.clientFingerprint() : null,
                by.contains(BanBy.EMAIL) ? comment.emailHash() : null,
                reason,
                actor(),
                now,
                term.endFrom(now),
                null,
                null,
                comment.id(),
                origin != null && byAddress ? origin.address() : null,
                origin != null && by.contains(BanBy.NETWORK) ? origin.network() : null,
                origin != null && by.contains(BanBy.CLIENT_ID) ? origin.clientId() : null);
        bans.insert(ban);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("comment", comment.id().toString());
        details.put("article", comment.articleId().toString());
        details.put("expires", ban.isPermanent() ? "never" : ban.expiresAt().toString());
        details.put("byEmail", Boolean.toString(ban.emailHash() != null));
        details.put(
                "by",
                String.join(
                        ",",
                        ban.keys().stream()
                                .map(k -> k.name().toLowerCase(java.util.Locale.ROOT))
                                .toList()));
        details.put("reason", reason.value());
        audit.record(ban.bannedBy(), "comment.ban", "comment-ban", ban.id().toString(), details);
        return ban;
    }

    /**
     * Lifts a ban that still applies: the commenter may comment again. Audited.
     *
     * @throws BanNotFound when there is no such ban
     * @throws BanNotActive when it was lifted already or has run out
     */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional
    public Ban liftBan(BanId id) {
        Ban ban = bans.find(id).orElseThrow(() -> new BanNotFound(id));
        Ban lifted = ban.lifted(actor(), clock.instant());
        if (!bans.recordLift(lifted)) {
            throw new BanNotActive(id);
        }
        audit.record(lifted.liftedBy(), "comment.ban-lift", "comment-ban", id.toString(), Map.of());
        return lifted;
    }

    /** Every ban (also lifted and expired ones) naming the commenter of this comment, newest first. */
    @PreAuthorize("hasRole('MODERATOR')")
    @Transactional(readOnly = true)
    public List<Ban> bansOf(CommentId id) {
        Comment comment = load(id);
        return bans.naming(
                comment.clientFingerprint(),
                comment.emailHash(),
                comments.traitsOf(id).orElse(null));
    }

    private BulkDecision decideAll(Collection<CommentId> ids, Function<CommentId, Comment> decide) {
        List<Comment> decided = new ArrayList<>();
        List<CommentId> skipped = new ArrayList<>();
        for (CommentId id : new LinkedHashSet<>(ids)) {
            try {
                decided.add(decide.apply(id));
            } catch (CommentAlreadyDecided e) {
                skipped.add(id);
            }
        }
        return new BulkDecision(decided, skipped);
    }

    private Comment decideRejection(CommentId id, @Nullable RejectionReason reason, @Nullable AbuseKind kind) {
        Comment rejected = load(id).rejected(reason, kind, actor(), clock.instant());
        store(rejected);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("article", rejected.articleId().toString());
        details.put("reason", rejected.rejectionReason().code());
        if (rejected.abuseKind() != null) {
            details.put("abuseKind", rejected.abuseKind().code());
        }
        audit.record(
                rejected.decidedBy(), "comment.reject", "comment", rejected.id().toString(), details);
        events.publishEvent(new CommentRejected(
                rejected.id(),
                rejected.articleId(),
                rejected.rejectionReason(),
                rejected.abuseKind(),
                rejected.decidedBy(),
                rejected.decidedAt()));
        return rejected;
    }

    private Comment load(CommentId id) {
        return comments.find(id).orElseThrow(() -> new CommentNotFound(id));
    }

    private void store(Comment decided) {
        if (!comments.recordDecision(decided)) {
            // Another moderator decided it between our read and our write.
            CommentState now = comments.find(decided.id()).map(Comment::state).orElseThrow();
            throw new CommentAlreadyDecided(decided.id(), now);
        }
    }

    private static CommentPage page(List<Comment> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new CommentPage(fetched, null);
        }
        List<Comment> shown = fetched.subList(0, limit);
        return new CommentPage(shown, CommentCursor.after(shown.getLast()));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > CommentPage.MAX_LIMIT) {
            throw new IllegalArgumentException("a page holds 1 to " + CommentPage.MAX_LIMIT + " comments");
        }
    }

    private static String actor() {
        return CurrentUser.get().name();
    }
}
