package news.cms.core.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.comment.Ban;
import news.cms.core.comment.BanId;
import news.cms.core.comment.BanReason;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.EmailHash;
import news.cms.core.comment.TraitHash;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bans in PostgreSQL. A ban row is only ever inserted or lifted; a trigger refuses anything else. */
@Repository
public class BanRepository {

    private static final String COLUMNS = "id, client_fingerprint, email_hash, reason, banned_by, banned_at,"
            + " expires_at, lifted_at, lifted_by, comment_id, client_address, client_network, client_id";

    private final JdbcClient jdbc;

    BanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Ban ban) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", ban.id().value());
        p.put(
                "fp",
                ban.clientFingerprint() == null ? null : ban.clientFingerprint().value());
        p.put("email", ban.emailHash() == null ? null : ban.emailHash().value());
        p.put("reason", ban.reason().value());
        p.put("by", ban.bannedBy());
        p.put("at", timestamp(ban.bannedAt()));
        p.put("expires", ban.expiresAt() == null ? null : timestamp(ban.expiresAt()));
        p.put("comment", ban.comment() == null ? null : ban.comment().value());
        p.put("address", value(ban.clientAddress()));
        p.put("network", value(ban.clientNetwork()));
        p.put("clientId", value(ban.clientId()));
        jdbc.sql("insert into comment_ban (id, client_fingerprint, email_hash, reason, banned_by, banned_at,"
                        + " expires_at, comment_id, client_address, client_network, client_id)"
                        + " values (:id, :fp, :email, :reason, :by, :at, :expires, :comment,"
                        + " :address, :network, :clientId)")
                .params(p)
                .update();
    }

    /** @return false when the ban was lifted meanwhile, and nothing was written */
    public boolean recordLift(Ban lifted) {
        return jdbc.sql("update comment_ban set lifted_at = ?, lifted_by = ? where id = ? and lifted_at is null")
                        .params(
                                timestamp(lifted.liftedAt()),
                                lifted.liftedBy(),
                                lifted.id().value())
                        .update()
                == 1;
    }

    public Optional<Ban> find(BanId id) {
        return jdbc.sql("select " + COLUMNS + " from comment_ban where id = ?")
                .param(id.value())
                .query(BanRepository::ban)
                .optional();
    }

    /**
     * The ban that applies at {@code now} to any of these traits and runs longest, if any.
     *
     * @param traits the comment's address, network and client id, hashed; null when unknown
     */
    public Optional<Ban> applying(
            ClientFingerprint client, @Nullable EmailHash email, @Nullable ClientTraits traits, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("now", timestamp(now));
        String sql = "select " + COLUMNS + " from comment_ban where lifted_at is null and banned_at <= :now"
                + " and (expires_at is null or expires_at > :now) and (" + naming(client, email, traits, p)
                + ") order by expires_at desc nulls first limit 1";
        return jdbc.sql(sql).params(p).query(BanRepository::ban).optional();
    }

    /** Every ban, lifted and expired ones too, naming any of these traits; newest first. */
    public List<Ban> naming(ClientFingerprint client, @Nullable EmailHash email, @Nullable ClientTraits traits) {
        Map<String, Object> p = new LinkedHashMap<>();
        String sql = "select " + COLUMNS + " from comment_ban where " + naming(client, email, traits, p)
                + " order by banned_at desc, id";
        return jdbc.sql(sql).params(p).query(BanRepository::ban).list();
    }

    // One OR per trait; each has its own partial index, which PostgreSQL combines (bitmap OR).
    private static String naming(
            ClientFingerprint client, @Nullable EmailHash email, @Nullable ClientTraits traits, Map<String, Object> p) {
        StringBuilder where = new StringBuilder("client_fingerprint = :fp");
        p.put("fp", client.value());
        if (email != null) {
            where.append(" or email_hash = :email");
            p.put("email", email.value());
        }
        if (traits != null) {
            where.append(" or client_address = :address or client_network = :network");
            p.put("address", traits.address().value());
            p.put("network", traits.network().value());
            if (traits.clientId() != null) {
                where.append(" or client_id = :clientId");
                p.put("clientId", traits.clientId().value());
            }
        }
        return where.toString();
    }

    private static @Nullable String value(@Nullable TraitHash hash) {
        return hash == null ? null : hash.value();
    }

    private static Ban ban(ResultSet rs, int n) throws SQLException {
        String fp = rs.getString("client_fingerprint");
        String email = rs.getString("email_hash");
        UUID comment = rs.getObject("comment_id", UUID.class);
        return new Ban(
                new BanId(rs.getObject("id", UUID.class)),
                fp == null ? null : new ClientFingerprint(fp),
                email == null ? null : new EmailHash(email),
                new BanReason(rs.getString("reason")),
                rs.getString("banned_by"),
                instant(rs, "banned_at"),
                instant(rs, "expires_at"),
                instant(rs, "lifted_at"),
                rs.getString("lifted_by"),
                comment == null ? null : new CommentId(comment),
                trait(rs, "client_address"),
                trait(rs, "client_network"),
                trait(rs, "client_id"));
    }

    private static @Nullable TraitHash trait(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : new TraitHash(value);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
