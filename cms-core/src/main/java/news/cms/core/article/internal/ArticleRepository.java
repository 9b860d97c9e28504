package news.cms.core.article.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleQuery;
import news.cms.core.article.CalendarEntry;
import news.cms.core.article.CalendarQuery;
import news.cms.core.article.Distribution;
import news.cms.core.article.EditLock;
import news.cms.core.article.FieldDirections;
import news.cms.core.article.MediaTopics;
import news.cms.core.article.Revision;
import news.cms.core.article.Slug;
import news.cms.core.article.StaleVersion;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Articles, their revisions and edit locks in PostgreSQL, with plain SQL. */
@Repository
public class ArticleRepository {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static final String COLUMNS = """
            id, slug, language, section, tags, headline, standfirst, body, directions, dateline_place,
            dateline_region, dateline_country, dateline_date, state, version, authors, scheduled_at,
            embargo_until, public_version, kill_reason, killed_at, created_at, created_by, updated_at,
            updated_by, published_at, subjects, urgency, copyright_holder, copyright_notice, usage_terms""";

    private static final String VALUES = """
            :id, :slug, :language, :section, :tags, :headline, :standfirst, :body, cast(:directions as jsonb),
            :place, :region, :country, :date, :state, :version, :authors, :scheduledAt, :embargoUntil,
            :publicVersion, :killReason, :killedAt, :createdAt, :createdBy, :updatedAt, :updatedBy, :publishedAt,
            :subjects, :urgency, :copyrightHolder, :copyrightNotice, :usageTerms""";

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the article unless another one holds its slug already (also one committed by a
     * concurrent transaction meanwhile: the unique index decides, not an earlier look).
     *
     * @return false, with nothing written, when the slug is taken
     */
    public boolean insertIfSlugFree(Article a) {
        int inserted = jdbc.sql(
                        "insert into article (" + COLUMNS + ") values (" + VALUES + ") on conflict (slug) do nothing")
                .paramSource(params(a))
                .update();
        if (inserted == 1) {
            insertBylines(a);
        }
        return inserted == 1;
    }

    public void insert(Article a) {
        jdbc.sql("insert into article (" + COLUMNS + ") values (" + VALUES + ")")
                .paramSource(params(a))
                .update();
        insertBylines(a);
    }

    /**
     * @throws StaleVersion when the stored version is no longer {@code expectedVersion}
     */
    public void update(Article a, long expectedVersion) {
        Map<String, Object> params = params(a);
        params.put("expected", expectedVersion);
        int changed = jdbc.sql("update article set (" + COLUMNS + ") = (" + VALUES
                        + ") where id = :id and version = :expected")
                .paramSource(params)
                .update();
        if (changed != 1) {
            throw new StaleVersion(a.id(), expectedVersion);
        }
        jdbc.sql("delete from article_byline where article_id = ?")
                .param(a.id().value())
                .update();
        insertBylines(a);
    }

    public Optional<Article> find(ArticleId id) {
        return load("where id = ?", List.of(id.value())).stream().findFirst();
    }

    /** Those of the articles that exist, in two statements whatever their number. */
    public List<Article> findAll(java.util.Collection<ArticleId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("where id = any(?)", List.of((Object)
                ids.stream().map(ArticleId::value).distinct().toArray(UUID[]::new)));
    }

    public List<Article> page(ArticleQuery q) {
        StringBuilder where = new StringBuilder("where state = any(?)");
        List<Object> params = new ArrayList<>();
        params.add(q.states().stream().map(Enum::name).toArray(String[]::new));
        if (q.language() != null) {
            where.append(" and language = ?");
            params.add(q.language().value());
        }
        if (q.section() != null) {
            where.append(" and section = ?");
            params.add(q.section());
        }
        if (q.author() != null) {
            where.append(" and ? = any(authors)");
            params.add(q.author());
        }
        if (q.after() != null) {
            where.append(" and (updated_at, id) < (?, ?)");
            params.add(Timestamp.from(q.after().updatedAt()));
            params.add(q.after().id().value());
        }
        where.append(" order by updated_at desc, id desc limit ?");
        params.add(q.limit());
        return load(where.toString(), params);
    }

    /**
     * Scheduled go-live times and embargo ends in a time range, earliest first; killed and spiked
     * stories have none. Served by article_due_idx for schedules and a scan of embargoed rows.
     */
    public List<CalendarEntry> calendar(CalendarQuery q) {
        StringBuilder sql = new StringBuilder("""
                select kind, at, id from (
                    select 'GOES_LIVE' as kind, scheduled_at as at, id from article
                        where state = 'SCHEDULED' and scheduled_at is not null
                    union all
                    select 'EMBARGO_LIFTS', embargo_until, id from article
                        where embargo_until is not null and state not in ('KILLED', 'SPIKED')
                ) e where at >= ?""");
        List<Object> params = new ArrayList<>();
        params.add(Timestamp.from(q.from()));
        if (q.to() != null) {
            sql.append(" and at < ?");
            params.add(Timestamp.from(q.to()));
        }
        if (q.after() != null) {
            sql.append(" and (at, kind, id) > (?, ?, ?)");
            params.add(Timestamp.from(q.after().at()));
            params.add(q.after().kind().name());
            params.add(q.after().id().value());
        }
        sql.append(" order by at, kind, id limit ?");
        params.add(q.limit());
        record Due(CalendarEntry.Kind kind, Instant at, UUID id) {}
        List<Due> due = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Due(
                        CalendarEntry.Kind.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getObject(3, UUID.class)))
                .list();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<ArticleId, Article> byId = new LinkedHashMap<>();
        load("where id = any(cast(? as uuid[]))", List.of((Object)
                        due.stream().map(d -> d.id().toString()).distinct().toArray(String[]::new)))
                .forEach(a -> byId.put(a.id(), a));
        return due.stream()
                .filter(d -> byId.containsKey(new ArticleId(d.id())))
                .map(d -> new CalendarEntry(d.kind(), d.at(), byId.get(new ArticleId(d.id()))))
                .toList();
    }

    public int count() {
        return jdbc.sql("select count(*) from article").query(Integer.class).single();
    }

    /** The next scheduled article whose time has come, locked for this transaction; skips ones others hold. */
    public Optional<Article> lockNextDue(Instant now) {
        return jdbc.sql("select id from article where state = 'SCHEDULED' and scheduled_at <= ?"
                        + " order by scheduled_at, id limit 1 for update skip locked")
                .param(Timestamp.from(now))
                .query(UUID.class)
                .optional()
                .flatMap(id -> find(new ArticleId(id)));
    }

    public void appendRevision(Revision r) {
        jdbc.sql("insert into article_revision (article_id, version, action, state, actor, at, public_version, note,"
                        + " content) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")
                .params(
                        r.articleId().value(),
                        r.version(),
                        r.action().name(),
                        r.state().name(),
                        r.actor(),
                        Timestamp.from(r.at()),
                        r.publicVersion(),
                        r.note(),
                        json.writeValueAsString(r.content()))
                .update();
    }

    /**
     * How a public version of an article was made: when, by which action, with which note (a
     * correction's public note).
     */
    public record PublicVersionMade(
            Instant at, Action action, @Nullable String note) {}

    /**
     * The statement of {@link #publicVersionsMade}, taking the articles' ids and public versions as
     * two arrays; {@code article_revision_public_idx} (V27) answers it ({@code IndexedLookUpsIT}).
     */
    public static final String PUBLIC_VERSIONS_MADE = """
            select distinct on (r.article_id) r.article_id, r.at, r.action, r.note
            from article_revision r join unnest(?, ?) as w(article_id, public_version)
              on r.article_id = w.article_id and r.public_version = w.public_version
            order by r.article_id, r.version desc""";

    /**
     * For each article, how the given public version of it was made (from the last revision that
     * carries that public version), in one statement; an article without one is missing. The
     * revisions' content stays in the database: for a feed page's 50 stories whose rows were not in
     * PostgreSQL's buffer cache, reading every revision with its content took 6.5 ms, this 2.2 ms
     * (bench/search's corpus of 100,000 stories, EXPLAIN ANALYZE).
     */
    public Map<ArticleId, PublicVersionMade> publicVersionsMade(Map<ArticleId, Integer> publicVersions) {
        if (publicVersions.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<ArticleId, Integer>> wanted = List.copyOf(publicVersions.entrySet());
        Map<ArticleId, PublicVersionMade> found = new LinkedHashMap<>();
        jdbc.sql(PUBLIC_VERSIONS_MADE)
                .params(
                        wanted.stream().map(e -> e.getKey().value()).toArray(UUID[]::new),
                        wanted.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> found.put(
                        new ArticleId(rs.getObject(1, UUID.class)),
                        new PublicVersionMade(
                                rs.getTimestamp(2).toInstant(), Action.valueOf(rs.getString(3)), rs.getString(4))));
        return found;
    }

    public List<Revision> revisions(ArticleId id) {
        return jdbc.sql("select version, action, state, actor, at, public_version, note, content::text"
                        + " from article_revision where article_id = ? order by version")
                .param(id.value())
                .query((rs, n) -> revision(id, rs))
                .list();
    }

    private Revision revision(ArticleId id, ResultSet rs) throws SQLException {
        return new Revision(
                id,
                rs.getLong(1),
                Action.valueOf(rs.getString(2)),
                ArticleState.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getTimestamp(5).toInstant(),
                (Integer) rs.getObject(6),
                rs.getString(7),
                json.readValue(rs.getString(8), ArticleContent.class));
    }

    /**
     * Takes or renews the lock for {@code holder} unless someone else holds a live one.
     *
     * @return the lock, or empty when someone else holds it
     */
    public Optional<EditLock> tryLock(ArticleId id, String holder, Instant now, Instant expires) {
        return jdbc.sql("""
                        insert into edit_lock (article_id, holder, acquired_at, heartbeat_at, expires_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (article_id) do update set
                            acquired_at = case when edit_lock.holder = excluded.holder
                                then edit_lock.acquired_at else excluded.acquired_at end,
                            holder = excluded.holder, heartbeat_at = excluded.heartbeat_at,
                            expires_at = excluded.expires_at
                        where edit_lock.holder = excluded.holder or edit_lock.expires_at <= excluded.heartbeat_at
                        returning article_id, holder, acquired_at, heartbeat_at, expires_at""")
                .params(id.value(), holder, Timestamp.from(now), Timestamp.from(now), Timestamp.from(expires))
                .query(ArticleRepository::lock)
                .optional();
    }

    public Optional<EditLock> lock(ArticleId id) {
        return jdbc.sql("select article_id, holder, acquired_at, heartbeat_at, expires_at from edit_lock"
                        + " where article_id = ?")
                .param(id.value())
                .query(ArticleRepository::lock)
                .optional();
    }

    public void unlock(ArticleId id, String holder) {
        jdbc.sql("delete from edit_lock where article_id = ? and holder = ?")
                .params(id.value(), holder)
                .update();
    }

    public void unlockAny(ArticleId id) {
        jdbc.sql("delete from edit_lock where article_id = ?").param(id.value()).update();
    }

    private static EditLock lock(ResultSet rs, int n) throws SQLException {
        return new EditLock(
                new ArticleId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant());
    }

    private List<Article> load(String tail, List<Object> params) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from article " + tail)
                .params(params)
                .query(ArticleRepository::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Byline>> bylines = new LinkedHashMap<>();
        jdbc.sql("select article_id, name, role from article_byline where article_id = any(?)"
                        + " order by article_id, position")
                .param(rows.stream().map(Row::id).toArray(UUID[]::new))
                .query(rs -> {
                    bylines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Byline(rs.getString(2), rs.getString(3)));
                });
        return rows.stream()
                .map(r -> r.article(bylines.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private void insertBylines(Article a) {
        for (int i = 0; i < a.bylines().size(); i++) {
            Byline b = a.bylines().get(i);
            jdbc.sql("insert into article_byline (article_id, position, name, role) values (?, ?, ?, ?)")
                    .params(a.id().value(), i, b.name(), b.role())
                    .update();
        }
    }

    private static Map<String, Object> params(Article a) {
        ArticleContent c = a.content();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", a.id().value());
        p.put("slug", a.slug().value());
        p.put("language", c.language().value());
        p.put("section", c.section());
        p.put("tags", c.tags().toArray(String[]::new));
        p.put("headline", c.headline());
        p.put("standfirst", c.standfirst());
        p.put("body", c.body());
        p.put("directions", json.writeValueAsString(c.directions()));
        p.put("place", c.dateline().place());
        p.put("region", c.dateline().region());
        p.put("country", c.dateline().countryCode());
        p.put("date", Date.valueOf(c.dateline().date()));
        p.put("state", a.state().name());
        p.put("version", a.version());
        p.put("authors", a.authors().stream().sorted().toArray(String[]::new));
        p.put("scheduledAt", timestamp(a.scheduledAt()));
        p.put("embargoUntil", timestamp(a.embargoUntil()));
        p.put("publicVersion", a.publicVersion());
        p.put("killReason", a.killReason());
        p.put("killedAt", timestamp(a.killedAt()));
        p.put("createdAt", Timestamp.from(a.createdAt()));
        p.put("createdBy", a.createdBy());
        p.put("updatedAt", Timestamp.from(a.updatedAt()));
        p.put("updatedBy", a.updatedBy());
        p.put("publishedAt", timestamp(a.publishedAt()));
        Distribution d = c.distribution();
        p.put("subjects", d.subjects().toArray(String[]::new));
        p.put("urgency", d.urgency());
        p.put("copyrightHolder", d.copyrightHolder());
        p.put("copyrightNotice", d.copyrightNotice());
        p.put("usageTerms", d.usageTerms());
        return p;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The few forms of stored directions, parsed once each: every row holds one (three fields of a few
     * values, written by {@link #params}), and parsing its JSON again was 2 % of an uncached feed page's
     * CPU (bench/search's JFR).
     */
    private static final Cache<String, FieldDirections> DIRECTIONS =
            Caffeine.newBuilder().maximumSize(64).build();

    private static FieldDirections directions(@Nullable String stored) {
        return stored == null
                ? FieldDirections.FROM_LANGUAGE
                : DIRECTIONS.get(stored, form -> json.readValue(form, FieldDirections.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        LanguageTag language = LanguageTag.of(rs.getString("language"));
        Dateline dateline = new Dateline(
                rs.getString("dateline_place"),
                rs.getString("dateline_region"),
                rs.getString("dateline_country"),
                rs.getDate("dateline_date").toLocalDate());
        Slug slug = new Slug(rs.getString("slug"));
        String section = rs.getString("section");
        String headline = rs.getString("headline");
        String standfirst = rs.getString("standfirst");
        String body = rs.getString("body");
        List<String> tags = strings(rs.getArray("tags"));
        String directionsJson = rs.getString("directions");
        FieldDirections directions = directions(directionsJson);
        Distribution distribution = distribution(rs);
        ArticleState state = ArticleState.valueOf(rs.getString("state"));
        long version = rs.getLong("version");
        LinkedHashSet<String> authors = new LinkedHashSet<>(strings(rs.getArray("authors")));
        Instant scheduledAt = instant(rs.getTimestamp("scheduled_at"));
        Instant embargoUntil = instant(rs.getTimestamp("embargo_until"));
        int publicVersion = rs.getInt("public_version");
        String killReason = rs.getString("kill_reason");
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        String createdBy = rs.getString("created_by");
        Instant updatedAt = rs.getTimestamp("updated_at").toInstant();
        String updatedBy = rs.getString("updated_by");
        Instant publishedAt = instant(rs.getTimestamp("published_at"));
        Instant killedAt = instant(rs.getTimestamp("killed_at"));
        // The content is built (and its text checked) once, when the stored bylines are there.
        return new Row(
                id,
                bylines -> new Article(
                        new ArticleId(id),
                        slug,
                        new ArticleContent(
                                language,
                                section,
                                headline,
                                standfirst,
                                body,
                                bylines,
                                dateline,
                                tags,
                                directions,
                                distribution),
                        state,
                        version,
                        authors,
                        scheduledAt,
                        embargoUntil,
                        publicVersion,
                        killReason,
                        createdAt,
                        createdBy,
                        updatedAt,
                        updatedBy,
                        publishedAt,
                        killedAt));
    }

    private static Distribution distribution(ResultSet rs) throws SQLException {
        // Codes dropped from the bundled list since they were stored are left out, not refused on read.
        List<String> codes = strings(rs.getArray("subjects")).stream()
                .filter(code -> MediaTopics.find(code).isPresent())
                .toList();
        int urgency = rs.getInt("urgency");
        return new Distribution(
                codes,
                rs.wasNull() ? null : urgency,
                rs.getString("copyright_holder"),
                rs.getString("copyright_notice"),
                rs.getString("usage_terms"));
    }

    /** An article row read eagerly, waiting for its bylines. */
    private record Row(UUID id, Function<List<Byline>, Article> withBylines) {

        Article article(List<Byline> bylines) {
            return withBylines.apply(bylines);
        }
    }
}
