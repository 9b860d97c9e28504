package news.cms.core.push.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.feed.FeedEntry;
import news.cms.core.push.Delivery;
import news.cms.core.push.DeliveryAttempt;
import news.cms.core.push.DeliveryStatus;
import news.cms.core.push.PushEvent;
import news.cms.core.push.SubscriptionId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The push outbox: one row per (subscription, feed entry), unique on that pair, and the log of
 * attempts. The filters read the story's section from {@code article} and replays read
 * {@code feed_entry}: both are the feed's own tables, read here in SQL so that a fan-out is one
 * statement in the entry's transaction.
 */
@Repository
public class DeliveryRepository {

    /** A subscription's filters, for an entry's event, language and article. */
    private static final String MATCHES = " s.state <> 'DISABLED' and :event = any(s.events)"
            + " and (cardinality(s.languages) = 0 or split_part(lower(:language), '-', 1) = any(s.languages))"
            + " and (cardinality(s.sections) = 0 or exists (select 1 from article a"
            + " where a.id = :article and a.section = any(s.sections)))";

    private static final String DELIVERY_COLUMNS = "d.id, d.subscription_id, d.sequence, d.article_id, d.event,"
            + " d.public_version, d.language, d.entry_at, d.notice, d.status, d.attempts, d.next_attempt_at,"
            + " d.finished_at, d.last_status, d.last_error";

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery claimed for sending, with what its payload needs. */
    public record Claimed(
            UUID id,
            long sequence,
            ArticleId articleId,
            PushEvent event,
            int publicVersion,
            String language,
            Instant entryAt,
            @Nullable String notice,
            int attempts) {

        /** The {@code webhook-id}: one per (subscription, entry), the same on every attempt and replay. */
        public String webhookId() {
            return DeliveryRepository.webhookId(id);
        }
    }

    static String webhookId(UUID id) {
        return "msg_" + id.toString().replace("-", "");
    }

    /** One delivery per matching, not disabled subscription; none twice. The number written. */
    int fanOut(FeedEntry entry, Instant now) {
        return jdbc.sql("insert into push_delivery (id, subscription_id, sequence, article_id, event, public_version,"
                        + " language, entry_at, notice, status, next_attempt_at, created_at)"
                        + " select gen_random_uuid(), s.id, :sequence, :article, :event, :version, :language, :at,"
                        + " :notice, 'PENDING', :now, :now from push_subscription s where"
                        + MATCHES
                        + " on conflict (subscription_id, sequence) do nothing")
                .param("sequence", entry.sequence())
                .param("article", entry.articleId().value())
                .param("event", PushEvent.of(entry.action()).name())
                .param("version", entry.publicVersion())
                .param("language", entry.language().value())
                .param("at", Timestamp.from(entry.at()))
                .param("notice", entry.notice())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Sends again, from the start of the retry schedule, every entry after {@code after} that matches
     * the subscription: finished deliveries are reopened (same {@code webhook-id}), missing ones are
     * made. Deliveries in flight are left alone. The number queued.
     */
    public int replay(SubscriptionId subscription, long after, Instant now) {
        int reopened = jdbc.sql("update push_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now,"
                        + " finished_at = null where subscription_id = :subscription and sequence > :after"
                        + " and status <> 'PENDING'")
                .param("now", Timestamp.from(now))
                .param("subscription", subscription.value())
                .param("after", after)
                .update();
        int made = jdbc.sql("insert into push_delivery (id, subscription_id, sequence, article_id, event,"
                        + " public_version, language, entry_at, notice, status, next_attempt_at, created_at)"
                        + " select gen_random_uuid(), s.id, f.sequence, f.article_id, e.event, f.public_version,"
                        + " f.language, f.at, f.notice, 'PENDING', :now, :now"
                        + " from feed_entry f"
                        + " cross join lateral (select case f.action when 'GO_LIVE' then 'PUBLISH'"
                        + " else f.action end as event) e"
                        + " join push_subscription s on s.id = :subscription"
                        + " where f.sequence > :after and s.state <> 'DISABLED' and e.event = any(s.events)"
                        + " and (cardinality(s.languages) = 0"
                        + " or split_part(lower(f.language), '-', 1) = any(s.languages))"
                        + " and (cardinality(s.sections) = 0 or exists (select 1 from article a"
                        + " where a.id = f.article_id and a.section = any(s.sections)))"
                        + " order by f.sequence"
                        + " on conflict (subscription_id, sequence) do nothing")
                .param("now", Timestamp.from(now))
                .param("subscription", subscription.value())
                .param("after", after)
                .update();
        return reopened + made;
    }

    /**
     * Active subscriptions with a delivery due at {@code now} that no one holds and that no earlier
     * delivery of its story waits for (the same rule as {@link #claim}, so a story held back by a
     * retry hours away starts no lane at every poll). Full-ninjs subscriptions only where {@code
     * ninjs}: an instance that cannot make their bodies leaves them to one that can (docs/adr/0034).
     * Each story's earliest open delivery is found by one sorted pass ({@code distinct on}) over the
     * open deliveries, not by an anti-join: planned on statistics taken while hardly any delivery was
     * open, the anti-join became a nested loop over the whole table and overran the statement timeout
     * when a burst arrived (bench/push); a sort costs the same whatever the statistics say.
     */
    List<SubscriptionId> dueSubscriptions(Instant now, boolean ninjs) {
        customPlans();
        return jdbc.sql("""
                        select distinct f.subscription_id from (
                          select distinct on (e.subscription_id, e.article_id)
                                 e.subscription_id, e.next_attempt_at, e.lease_until
                          from push_delivery e
                          where e.status = 'PENDING' and e.subscription_id = any(array(
                            select s.id from push_subscription s
                            where s.state = 'ACTIVE' and (:ninjs or s.payload = 'NOTICE')))
                          order by e.subscription_id, e.article_id, e.sequence) f
                        where f.next_attempt_at <= :now and (f.lease_until is null or f.lease_until <= :now)""")
                .param("now", Timestamp.from(now))
                .param("ninjs", ninjs)
                .query((rs, n) -> new SubscriptionId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Leases up to {@code limit} due deliveries of an active subscription until {@code leaseUntil},
     * each the earliest open one of its story (so a story's versions go out in feed order), skipping
     * rows another worker is claiming. In feed order. Nothing of a full-ninjs subscription unless
     * {@code ninjs}. Joins nothing: the candidates come from one sorted pass over the subscription's
     * open deliveries and are then locked by primary key, so no plan can turn it into a nested loop
     * over the table (see {@link #dueSubscriptions}).
     */
    List<Claimed> claim(SubscriptionId subscription, Instant now, Instant leaseUntil, int limit, boolean ninjs) {
        customPlans();
        List<Claimed> claimed = jdbc.sql("""
                        with due as (
                          select d.id from push_delivery d
                          where d.id = any(array(
                              select f.id from (
                                select distinct on (e.article_id) e.id, e.sequence, e.next_attempt_at, e.lease_until
                                from push_delivery e
                                where e.subscription_id = :subscription and e.status = 'PENDING'
                                order by e.article_id, e.sequence) f
                              where f.next_attempt_at <= :now and (f.lease_until is null or f.lease_until <= :now)
                              order by f.sequence
                              limit 2 * :limit))
                            and d.status = 'PENDING' and d.next_attempt_at <= :now
                            and (d.lease_until is null or d.lease_until <= :now)
                            and exists (select 1 from push_subscription s where s.id = :subscription
                                        and s.state = 'ACTIVE' and (:ninjs or s.payload = 'NOTICE'))
                          order by d.sequence
                          limit :limit
                          for update of d skip locked)
                        update push_delivery d set lease_until = :lease from due where d.id = due.id
                        returning d.id, d.sequence, d.article_id, d.event, d.public_version, d.language,
                                  d.entry_at, d.notice, d.attempts""")
                .param("subscription", subscription.value())
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil))
                .param("limit", limit)
                .param("ninjs", ninjs)
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getLong("sequence"),
                        new ArticleId(rs.getObject("article_id", UUID.class)),
                        PushEvent.valueOf(rs.getString("event")),
                        rs.getInt("public_version"),
                        rs.getString("language"),
                        rs.getTimestamp("entry_at").toInstant(),
                        rs.getString("notice"),
                        rs.getInt("attempts")))
                .list();
        return claimed.stream()
                .sorted(Comparator.comparingLong(Claimed::sequence))
                .toList();
    }

    /** Gives claimed deliveries that were not sent back to the queue (their lease ends now). */
    void release(List<UUID> ids) {
        jdbc.sql(
                        "update push_delivery set lease_until = null where id = any(cast(:ids as uuid[])) and status = 'PENDING'")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    /**
     * Plans the rest of the caller's transaction for its bind values. The worker's look-ups run
     * several times a second on pooled connections, so the driver prepares them on the server, and
     * PostgreSQL may then keep a generic plan made while {@code push_delivery} was small; when a burst
     * of deliveries arrives before autovacuum analyzes the table, that plan overran the statement
     * timeout at every poll and delivery stalled (bench/push). Must run in a transaction.
     */
    private void customPlans() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** An attempt's end, to record: the delivery's new state and its row in the log. */
    record Finished(
            UUID id,
            Instant at,
            DeliveryAttempt.Outcome outcome,
            @Nullable Integer statusCode,
            long latencyMillis,
            @Nullable String error,
            @Nullable Instant nextAttempt) {

        DeliveryStatus status() {
            return switch (outcome) {
                case DELIVERED -> DeliveryStatus.DELIVERED;
                case RETRY -> DeliveryStatus.PENDING;
                case FAILED, GONE -> DeliveryStatus.FAILED;
            };
        }
    }

    /**
     * Ends attempts of one subscription in one statement: each delivery's new state, one row per
     * attempt in the log, in the order given (the log's ids follow time), and, if one was delivered,
     * the subscription is no longer failing. An attempt whose delivery is gone (its subscription was
     * deleted meanwhile) is left out. The number of attempts logged.
     */
    int finish(SubscriptionId subscription, List<Finished> attempts) {
        if (attempts.isEmpty()) {
            return 0;
        }
        int n = attempts.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] at = new String[n];
        String[] next = new String[n];
        Integer[] codes = new Integer[n];
        Integer[] latencies = new Integer[n];
        String[] outcomes = new String[n];
        String[] errors = new String[n];
        for (int i = 0; i < n; i++) {
            Finished f = attempts.get(i);
            ids[i] = f.id().toString();
            statuses[i] = f.status().name();
            at[i] = f.at().toString();
            next[i] = f.nextAttempt() == null ? null : f.nextAttempt().toString();
            codes[i] = f.statusCode();
            latencies[i] = (int) Math.min(Integer.MAX_VALUE, f.latencyMillis());
            outcomes[i] = f.outcome().name();
            errors[i] = f.error();
        }
        return jdbc.sql("""
                        with v as (
                          select * from unnest(cast(:ids as uuid[]), cast(:statuses as text[]),
                                               cast(:at as timestamptz[]), cast(:next as timestamptz[]),
                                               cast(:codes as integer[]), cast(:latencies as integer[]),
                                               cast(:outcomes as text[]), cast(:errors as text[]))
                                 with ordinality as v(id, status, at, next, code, latency, outcome, error, n)),
                        done as (
                          update push_delivery d set status = v.status, attempts = d.attempts + 1,
                                 lease_until = null, next_attempt_at = coalesce(v.next, d.next_attempt_at),
                                 finished_at = case when v.status = 'PENDING' then null else v.at end,
                                 last_status = v.code, last_error = v.error
                          from v where d.id = v.id
                          returning d.id),
                        healthy as (
                          update push_subscription set failing_since = null
                          where id = :subscription and failing_since is not null
                            and exists (select 1 from v where v.outcome = 'DELIVERED'))
                        insert into push_attempt (delivery_id, subscription_id, at, status_code, latency_ms,
                                                  outcome, error)
                        select v.id, :subscription, v.at, v.code, v.latency, v.outcome, v.error
                        from v join done on done.id = v.id order by v.n""")
                .param("ids", ids)
                .param("statuses", statuses)
                .param("at", at)
                .param("next", next)
                .param("codes", codes)
                .param("latencies", latencies)
                .param("outcomes", outcomes)
                .param("errors", errors)
                .param("subscription", subscription.value())
                .update();
    }

    /** A subscription's deliveries after {@code after}, oldest first; only those in {@code status} if given. */
    public List<Delivery> deliveries(
            SubscriptionId subscription, long after, @Nullable DeliveryStatus status, int limit) {
        return jdbc.sql("select " + DELIVERY_COLUMNS + " from push_delivery d where d.subscription_id = :subscription"
                        + " and d.sequence > :after and (cast(:status as text) is null or d.status = :status)"
                        + " order by d.sequence limit :limit")
                .param("subscription", subscription.value())
                .param("after", after)
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    /** A subscription's attempts, newest first; only failed ones (no 2xx) if asked. */
    public List<DeliveryAttempt> attempts(SubscriptionId subscription, boolean failedOnly, int limit) {
        return attempts(subscription, failedOnly, Long.MAX_VALUE, limit);
    }

    /**
     * A page of a subscription's attempts older than attempt {@code before} (by id: the log is
     * appended in time order, so ids and times agree), newest first.
     */
    public List<DeliveryAttempt> attempts(SubscriptionId subscription, boolean failedOnly, long before, int limit) {
        return jdbc.sql("select a.id, a.delivery_id, d.sequence, a.at, a.status_code, a.latency_ms, a.outcome,"
                        + " a.error from push_attempt a join push_delivery d on d.id = a.delivery_id"
                        + " where a.subscription_id = :subscription and a.id < :before"
                        + (failedOnly ? " and a.outcome <> 'DELIVERED'" : "")
                        + " order by a.id desc limit :limit")
                .param("subscription", subscription.value())
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new DeliveryAttempt(
                        rs.getObject("delivery_id", UUID.class),
                        rs.getLong("sequence"),
                        rs.getTimestamp("at").toInstant(),
                        (Integer) rs.getObject("status_code"),
                        rs.getLong("latency_ms"),
                        DeliveryAttempt.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("error"),
                        rs.getLong("id")))
                .list();
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Delivery(
                id,
                webhookId(id),
                new SubscriptionId(rs.getObject("subscription_id", UUID.class)),
                rs.getLong("sequence"),
                new ArticleId(rs.getObject("article_id", UUID.class)),
                PushEvent.valueOf(rs.getString("event")),
                rs.getInt("public_version"),
                DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                (Integer) rs.getObject("last_status"),
                rs.getString("last_error"));
    }
}
