package news.cms.core.feed.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.feed.FeedAction;
import news.cms.core.feed.FeedEntry;
import news.cms.core.feed.FeedEntryRecorded;
import news.cms.core.language.LanguageTag;
import news.cms.core.observability.Meters;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Feed entries in PostgreSQL, numbered by the single-row {@code feed_counter}. */
@Repository
public class FeedRepository {

    /** Feed entries written (committed), by {@code action} (docs/adr/0017). */
    public static final String ENTRIES = "cms.feed.entries";

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    FeedRepository(JdbcClient jdbc, ObjectProvider<MeterRegistry> meters, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.meters = Meters.registry(meters);
        for (FeedAction action : FeedAction.values()) {
            entries(action);
        }
    }

    private Counter entries(FeedAction action) {
        return Counter.builder(ENTRIES)
                .description("Feed entries written, by action")
                .tag("action", Meters.tag(action))
                .register(meters);
    }

    /**
     * Takes the next number and locks the counter until the caller's transaction ends, so that the
     * next writer's number, and its commit, come after ours. Upserts, so an emptied table restarts.
     */
    long nextSequence() {
        return jdbc.sql("insert into feed_counter (id, last) values (1, 1)"
                        + " on conflict (id) do update set last = feed_counter.last + 1 returning last")
                .query(Long.class)
                .single();
    }

    void append(FeedEntry e) {
        jdbc.sql("insert into feed_entry (sequence, article_id, action, article_version, public_version, language,"
                        + " at, notice) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.sequence(),
                        e.articleId().value(),
                        e.action().name(),
                        e.articleVersion(),
                        e.publicVersion(),
                        e.language().value(),
                        Timestamp.from(e.at()),
                        e.notice())
                .update();
        // Every entry is appended here, in its command's transaction: listeners (push deliveries)
        // write theirs in it too, and it counts once that commits.
        events.publishEvent(new FeedEntryRecorded(e));
        Meters.afterCompletion(committed -> {
            if (committed) {
                entries(e.action()).increment();
            }
        });
    }

    /** A live story and its versions at the moment its embargo is found to have ended. */
    record Lifted(ArticleId articleId, long version, int publicVersion, LanguageTag language) {}

    /**
     * A live story whose embargo ran out after the last feed entry about it, as of the parameter.
     * It runs every second: {@code article_embargo_idx} (V27) keeps it to the embargoed stories
     * ({@code IndexedLookUpsIT}).
     */
    public static final String NEXT_LIFTED_EMBARGO = """
            select a.id, a.version, a.public_version, a.language from article a
            where a.state = 'PUBLISHED' and a.embargo_until <= ?
              and not exists (select 1 from feed_entry f
                              where f.article_id = a.id and f.at >= a.embargo_until)
            order by a.embargo_until
            limit 1
            for update of a skip locked""";

    /** A live story whose embargo ran out after the last feed entry about it, locked, if any. */
    Optional<Lifted> lockNextLiftedEmbargo(Instant now) {
        return jdbc.sql(NEXT_LIFTED_EMBARGO)
                .param(Timestamp.from(now))
                .query((rs, n) -> new Lifted(
                        new ArticleId(rs.getObject("id", UUID.class)),
                        rs.getLong("version"),
                        rs.getInt("public_version"),
                        LanguageTag.of(rs.getString("language"))))
                .optional();
    }

    /** The time of the newest entry (the highest sequence), if any. */
    public Optional<Instant> latestAt() {
        return jdbc.sql("select at from feed_entry order by sequence desc limit 1")
                .query((rs, n) -> rs.getTimestamp("at").toInstant())
                .optional();
    }

    /** The highest sequence there is, 0 for an empty feed. */
    public long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from feed_entry")
                .query(Long.class)
                .single();
    }

    /** The highest sequence of an entry made before {@code time}, 0 if there is none. */
    public long lastSequenceBefore(Instant time) {
        return jdbc.sql("select coalesce(max(sequence), 0) from feed_entry where at < ?")
                .param(java.sql.Timestamp.from(time))
                .query(Long.class)
                .single();
    }

    public List<FeedEntry> after(long sequence, int limit) {
        return after(sequence, limit, List.of(), null);
    }

    /**
     * Entries after {@code sequence} of stories in one of {@code languages} (primary subtags; all
     * when empty) and in {@code section} (any when null).
     */
    public List<FeedEntry> after(long sequence, int limit, List<String> languages, @Nullable String section) {
        String sql = "select f.sequence, f.article_id, f.action, f.article_version, f.public_version, f.language,"
                + " f.at, f.notice from feed_entry f"
                + (section == null ? "" : " join article a on a.id = f.article_id and a.section = :section")
                + " where f.sequence > :after"
                + (languages.isEmpty() ? "" : " and split_part(lower(f.language), '-', 1) = any(:languages)")
                + " order by f.sequence limit :limit";
        var statement = jdbc.sql(sql).param("after", sequence).param("limit", limit);
        if (section != null) {
            statement = statement.param("section", section);
        }
        if (!languages.isEmpty()) {
            statement = statement.param("languages", languages.toArray(String[]::new));
        }
        return statement.query(FeedRepository::entry).list();
    }

    /** Kill entries at or after {@code since}, newest first, optionally of some languages only. */
    public List<FeedEntry> killedSince(Instant since, List<String> languages, int limit) {
        String sql = "select f.sequence, f.article_id, f.action, f.article_version, f.public_version, f.language,"
                + " f.at, f.notice from feed_entry f where f.action = 'KILL' and f.at >= :since"
                + (languages.isEmpty() ? "" : " and split_part(lower(f.language), '-', 1) = any(:languages)")
                + " order by f.sequence desc limit :limit";
        var statement = jdbc.sql(sql).param("since", Timestamp.from(since)).param("limit", limit);
        if (!languages.isEmpty()) {
            statement = statement.param("languages", languages.toArray(String[]::new));
        }
        return statement.query(FeedRepository::entry).list();
    }

    private static FeedEntry entry(ResultSet rs, int row) throws SQLException {
        return new FeedEntry(
                rs.getLong("sequence"),
                new ArticleId(rs.getObject("article_id", UUID.class)),
                FeedAction.valueOf(rs.getString("action")),
                rs.getLong("article_version"),
                rs.getInt("public_version"),
                LanguageTag.of(rs.getString("language")),
                rs.getTimestamp("at").toInstant(),
                rs.getString("notice"));
    }
}
