package news.cms.core.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentCursor;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.EmailHash;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.ReceiptId;
import news.cms.core.comment.RejectionReason;
import news.cms.core.comment.TextDigest;
import news.cms.core.comment.TraitHash;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Comments in PostgreSQL, with plain SQL. There is no statement that changes what a reader sent, and
 * a trigger refuses one anyway; a decision is written only while the row is still PENDING.
 */
@Repository
public class CommentRepository {

    static final String COLUMNS = """
            id, article_id, language, display_name, email_hash, text, state, rejection_reason, abuse_kind,
            receipt, client_fingerprint, idempotency_key, created_at, decided_at, decided_by,
            screening::text as screening""";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the comment unless its article already has one from the same client under the same
     * idempotency key. Safe
     * under concurrency: the unique constraint decides, and the loser inserts nothing.
     *
     * @return whether it was stored
     * @throws ArticleNotFound when the article does not exist
     */
    public boolean insertIfNew(Comment c, @Nullable ClientTraits traits) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id().value());
        p.put("articleId", c.articleId().value());
        p.put("language", c.language().value());
        p.put("displayName", c.displayName().value());
        p.put("emailHash", c.emailHash() == null ? null : c.emailHash().value());
        p.put("text", c.text().value());
        p.put("state", c.state().name());
        p.put("receipt", c.receipt().value());
        p.put("fingerprint", c.clientFingerprint().value());
        p.put("key", c.idempotencyKey().value());
        p.put("createdAt", timestamp(c.createdAt()));
        p.put("screening", c.screening());
        p.put("digest", TextDigest.of(c.text()).value());
        p.put("address", traits == null ? null : traits.address().value());
        p.put("network", traits == null ? null : traits.network().value());
        p.put(
                "clientId",
                traits == null || traits.clientId() == null
                        ? null
                        : traits.clientId().value());
        try {
            return jdbc.sql("""
                            insert into comment (id, article_id, language, display_name, email_hash, text, state,
                                receipt, client_fingerprint, idempotency_key, created_at, screening, text_digest,
                                client_address, client_network, client_id)
                            values (:id, :articleId, :language, :displayName, :emailHash, :text, :state,
                                :receipt, :fingerprint, :key, :createdAt, cast(:screening as jsonb), :digest,
                                :address, :network, :clientId)
                            on conflict (article_id, client_fingerprint, idempotency_key) do nothing""").params(p).update() == 1;
        } catch (DataIntegrityViolationException e) {
            if (FOREIGN_KEY_VIOLATION.equals(sqlState(e))) {
                throw new ArticleNotFound(c.articleId());
            }
            throw e;
        }
    }

    /**
     * Writes the decision of a comment that is still PENDING in the database.
     *
     * @return false when someone decided it in the meantime, and nothing was written
     */
    public boolean recordDecision(Comment decided) {
        return jdbc.sql("""
                        update comment set state = :state, rejection_reason = :reason, abuse_kind = :kind,
                            decided_at = :decidedAt, decided_by = :decidedBy
                        where id = :id and state = 'PENDING'""")
                        .param("state", decided.state().name())
                        .param("reason", code(decided.rejectionReason()))
                        .param(
                                "kind",
                                decided.abuseKind() == null
                                        ? null
                                        : decided.abuseKind().code())
                        .param("decidedAt", decided.decidedAt() == null ? null : timestamp(decided.decidedAt()))
                        .param("decidedBy", decided.decidedBy())
                        .param("id", decided.id().value())
                        .update()
                == 1;
    }

    public Optional<Comment> find(CommentId id) {
        return jdbc.sql("select " + COLUMNS + " from comment where id = ?")
                .param(id.value())
                .query(CommentRepository::comment)
                .optional();
    }

    public Optional<Comment> findByReceipt(ReceiptId receipt) {
        return jdbc.sql("select " + COLUMNS + " from comment where receipt = ?")
                .param(receipt.value())
                .query(CommentRepository::comment)
                .optional();
    }

    /** The comment this client stored on this article under this key, if any: keys are per client. */
    public Optional<Comment> findByIdempotencyKey(ArticleId articleId, ClientFingerprint client, IdempotencyKey key) {
        return jdbc.sql("select " + COLUMNS
                        + " from comment where article_id = ? and client_fingerprint = ? and idempotency_key = ?")
                .params(articleId.value(), client.value(), key.value())
                .query(CommentRepository::comment)
                .optional();
    }

    /** Where the comment came from, hashed; empty for comments stored before traits were kept. */
    public Optional<ClientTraits> traitsOf(CommentId id) {
        return jdbc.sql("select client_address, client_network, client_id from comment where id = ?"
                        + " and client_address is not null")
                .param(id.value())
                .query((rs, n) -> new ClientTraits(
                        new TraitHash(rs.getString("client_address")),
                        new TraitHash(rs.getString("client_network")),
                        rs.getString("client_id") == null ? null : new TraitHash(rs.getString("client_id"))))
                .optional();
    }

    /** PENDING comments oldest first, from after the cursor: the moderation queue. */
    public List<Comment> pending(@Nullable CommentCursor after, int limit) {
        return page("state = 'PENDING'", List.of(), after, limit);
    }

    /** The first PENDING comments by screening risk, highest first, then oldest first. */
    public List<Comment> pendingByRisk(int limit) {
        return jdbc.sql("select " + COLUMNS + " from comment where state = 'PENDING'"
                        + " order by coalesce((screening ->> 'risk')::int, 0) desc, created_at, id limit ?")
                .param(limit)
                .query(CommentRepository::comment)
                .list();
    }

    /** An article's APPROVED comments oldest first (in the order they were written), from after the cursor. */
    public List<Comment> approved(ArticleId articleId, @Nullable CommentCursor after, int limit) {
        return page("article_id = ? and state = 'APPROVED'", List.of(articleId.value()), after, limit);
    }

    /**
     * Other comments by the same client fingerprint or e-mail hash, newest first: a commenter's
     * history for moderators.
     */
    public List<Comment> history(Comment of, int limit) {
        // Two index scans joined by UNION rather than one OR, which would read the whole table.
        String sql = "select " + COLUMNS + " from ("
                + "select * from comment where client_fingerprint = :fp and id <> :id"
                + (of.emailHash() == null ? "" : " union select * from comment where email_hash = :email and id <> :id")
                + ") c order by created_at desc, id desc limit :limit";
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fp", of.clientFingerprint().value());
        p.put("id", of.id().value());
        p.put("limit", limit);
        if (of.emailHash() != null) {
            p.put("email", of.emailHash().value());
        }
        return jdbc.sql(sql).params(p).query(CommentRepository::comment).list();
    }

    /** How many comments since {@code since} have this text digest: by this client, and on this article. */
    public int[] repeats(TextDigest digest, ClientFingerprint client, ArticleId article, Instant since) {
        return jdbc.sql("select (select count(*) from comment where client_fingerprint = :fp"
                        + " and created_at >= :since and text_digest = :digest),"
                        + " (select count(*) from comment where article_id = :article and text_digest = :digest"
                        + " and created_at >= :since)")
                .param("fp", client.value())
                .param("since", timestamp(since))
                .param("digest", digest.value())
                .param("article", article.value())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    // The row comparison (created_at, id) > (?, ?) walks the partial indexes of V3 in order.
    private List<Comment> page(String filter, List<Object> filterParams, @Nullable CommentCursor after, int limit) {
        List<Object> params = new ArrayList<>(filterParams);
        String where = filter;
        if (after != null) {
            where += " and (created_at, id) > (?, ?)";
            params.add(timestamp(after.createdAt()));
            params.add(after.id().value());
        }
        params.add(limit);
        return jdbc.sql("select " + COLUMNS + " from comment where " + where + " order by created_at, id limit ?")
                .params(params)
                .query(CommentRepository::comment)
                .list();
    }

    static Comment comment(ResultSet rs, int n) throws SQLException {
        String email = rs.getString("email_hash");
        String reason = rs.getString("rejection_reason");
        String kind = rs.getString("abuse_kind");
        return new Comment(
                new CommentId(rs.getObject("id", UUID.class)),
                new ArticleId(rs.getObject("article_id", UUID.class)),
                LanguageTag.of(rs.getString("language")),
                new DisplayName(rs.getString("display_name")),
                email == null ? null : new EmailHash(email),
                new CommentText(rs.getString("text")),
                CommentState.valueOf(rs.getString("state")),
                reason == null ? null : RejectionReason.fromCode(reason),
                kind == null ? null : AbuseKind.fromCode(kind),
                new ReceiptId(rs.getString("receipt")),
                new ClientFingerprint(rs.getString("client_fingerprint")),
                new IdempotencyKey(rs.getString("idempotency_key")),
                instant(rs, "created_at"),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                rs.getString("screening"));
    }

    private static @Nullable String code(@Nullable RejectionReason reason) {
        return reason == null ? null : reason.code();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
