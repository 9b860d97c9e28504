package news.cms.core.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.cms.core.notification.DigestSubscription;
import news.cms.core.notification.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who gets the e-mail digest, and which notifications have been in one (V26). */
@Repository
public class DigestRepository {

    /** One line of a digest. */
    public record Line(long id, NotificationKind kind, String actor, String headline, Instant createdAt) {}

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DigestSubscription> find(String username) {
        return jdbc.sql("select username, email, language, since from mail_digest where username = ?")
                .param(username)
                .query((rs, i) -> new DigestSubscription(
                        rs.getString("username"),
                        rs.getString("email"),
                        rs.getString("language"),
                        rs.getTimestamp("since").toInstant()))
                .optional();
    }

    public void upsert(String username, String email, String language, Instant since) {
        jdbc.sql("insert into mail_digest (username, email, language, since) values (?, ?, ?, ?)"
                        + " on conflict (username) do update set email = excluded.email, language = excluded.language")
                .params(username, email, language, Timestamp.from(since))
                .update();
    }

    public boolean delete(String username) {
        return jdbc.sql("delete from mail_digest where username = ?")
                        .param(username)
                        .update()
                == 1;
    }

    /** Subscribers whose account is enabled and who have something unread to be told. */
    List<String> due() {
        return jdbc.sql("select d.username from mail_digest d join user_account u on u.username = d.username"
                        + " where u.enabled and exists (select 1 from notification n where n.recipient = d.username"
                        + " and n.read_at is null and n.digested_at is null and n.created_at >= d.since)"
                        + " order by d.username")
                .query(String.class)
                .list();
    }

    /** The subscription, held for this transaction; empty when another instance holds it. */
    Optional<DigestSubscription> lock(String username) {
        return jdbc.sql("select username, email, language, since from mail_digest where username = ?"
                        + " for update skip locked")
                .param(username)
                .query((rs, i) -> new DigestSubscription(
                        rs.getString("username"),
                        rs.getString("email"),
                        rs.getString("language"),
                        rs.getTimestamp("since").toInstant()))
                .optional();
    }

    /**
     * Marks the recipient's unread notifications not yet in a digest (since the subscription began)
     * as in this one, oldest first, at most {@code limit}, and returns them.
     */
    List<Line> take(String recipient, Instant since, Instant at, int limit) {
        List<Line> lines = jdbc.sql("select n.id, n.kind, n.actor, n.created_at,"
                        + " coalesce(a.headline, p.slug, n.subject, '') as headline"
                        + " from notification n left join article a on a.id = n.article_id"
                        + " left join planned_item p on p.id = n.planned_item_id"
                        + " where n.recipient = ? and n.read_at is null and n.digested_at is null"
                        + " and n.created_at >= ? order by n.id limit ? for update of n skip locked")
                .params(recipient, Timestamp.from(since), limit)
                .query((rs, i) -> new Line(
                        rs.getLong("id"),
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        rs.getString("headline"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (!lines.isEmpty()) {
            jdbc.sql("update notification set digested_at = ? where id = any(?)")
                    .params(Timestamp.from(at), lines.stream().map(Line::id).toArray(Long[]::new))
                    .update();
        }
        return lines;
    }

    /** The digest could not be sent: its notifications may go in the next one. */
    void giveBack(List<Line> lines) {
        jdbc.sql("update notification set digested_at = null where id = any(?)")
                .param(lines.stream().map(Line::id).toArray(Long[]::new))
                .update();
    }
}
