package news.cms.core.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.budget.PlannedItemId;
import news.cms.core.notification.Notification;
import news.cms.core.notification.NotificationKind;
import news.cms.core.push.SubscriptionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications in PostgreSQL: written once per (event, recipient), read per recipient. */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One row per recipient; a recipient the event already told (a redelivered event) is skipped.
     *
     * @return how many were new
     */
    public int insert(
            Collection<String> recipients,
            NotificationKind kind,
            ArticleId article,
            String actor,
            String eventKey,
            Instant at) {
        int added = 0;
        for (String recipient : recipients) {
            added += jdbc.sql("insert into notification (recipient, kind, article_id, actor, event_key, created_at)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (event_key, recipient) do nothing")
                    .params(recipient, kind.name(), article.value(), actor, eventKey, Timestamp.from(at))
                    .update();
        }
        return added;
    }

    /** One row per recipient about a planned item; redelivered events add nothing, as above. */
    public int insert(
            Collection<String> recipients,
            NotificationKind kind,
            PlannedItemId item,
            String actor,
            String eventKey,
            Instant at) {
        int added = 0;
        for (String recipient : recipients) {
            added += jdbc.sql(
                            "insert into notification (recipient, kind, planned_item_id, actor, event_key, created_at)"
                                    + " values (?, ?, ?, ?, ?, ?) on conflict (event_key, recipient) do nothing")
                    .params(recipient, kind.name(), item.value(), actor, eventKey, Timestamp.from(at))
                    .update();
        }
        return added;
    }

    /**
     * Tells every enabled admin about a push subscription, once per event key.
     *
     * @return how many were new
     */
    public int insertForAdmins(
            NotificationKind kind,
            SubscriptionId subscription,
            String name,
            String actor,
            String eventKey,
            Instant at) {
        return jdbc.sql("insert into notification (recipient, kind, subscription_id, subject, actor, event_key,"
                        + " created_at) select u.username, ?, ?, ?, ?, ?, ? from user_account u"
                        + " where u.enabled and 'ADMIN' = any(u.roles) and u.username <> ?"
                        + " on conflict (event_key, recipient) do nothing")
                .params(kind.name(), subscription.value(), name, actor, eventKey, Timestamp.from(at), actor)
                .update();
    }

    /** The recipient's notifications, newest first. */
    public List<Notification> of(String recipient, int limit) {
        return jdbc.sql("select n.id, n.recipient, n.kind, n.article_id, coalesce(a.headline, p.slug, n.subject, '')"
                        + " as headline, n.actor, n.created_at, n.read_at, n.planned_item_id, n.subscription_id"
                        + " from notification n left join article a on a.id = n.article_id"
                        + " left join planned_item p on p.id = n.planned_item_id"
                        + " where n.recipient = ? order by n.id desc limit ?")
                .params(recipient, limit)
                .query(NotificationRepository::row)
                .list();
    }

    public int unread(String recipient) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
                .param(recipient)
                .query(Integer.class)
                .single();
    }

    /** Marks one of the recipient's notifications read; another's id changes nothing. */
    public boolean markRead(String recipient, long id, Instant at) {
        return jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
                        .params(Timestamp.from(at), id, recipient)
                        .update()
                == 1;
    }

    public int markAllRead(String recipient, Instant at) {
        return jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
                .params(Timestamp.from(at), recipient)
                .update();
    }

    private static Notification row(ResultSet rs, int i) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        UUID article = rs.getObject("article_id", UUID.class);
        UUID planned = rs.getObject("planned_item_id", UUID.class);
        UUID subscription = rs.getObject("subscription_id", UUID.class);
        return new Notification(
                rs.getLong("id"),
                rs.getString("recipient"),
                NotificationKind.valueOf(rs.getString("kind")),
                article == null ? null : new ArticleId(article),
                rs.getString("headline"),
                rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(),
                planned == null ? null : new PlannedItemId(planned),
                subscription == null ? null : new SubscriptionId(subscription));
    }
}
