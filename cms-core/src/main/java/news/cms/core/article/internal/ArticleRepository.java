package news.cms.core.article.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleState;
import news.cms.core.article.Slug;
import news.cms.core.article.StaleVersion;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Articles in PostgreSQL, with plain SQL; the version column guards every update. */
@Repository
public class ArticleRepository {

    private static final String COLUMNS = """
            id, slug, language, section, headline, standfirst, body, dateline_place, dateline_region,
            dateline_country, dateline_date, state, version, created_at, created_by, updated_at, updated_by,
            published_at""";

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean slugTaken(Slug slug) {
        return jdbc.sql("select exists (select 1 from article where slug = ?)")
                .param(slug.value())
                .query(Boolean.class)
                .single();
    }

    public void insert(Article a) {
        jdbc.sql("insert into article (" + COLUMNS
                        + ") values (:id, :slug, :language, :section, :headline, :standfirst, :body, :place, :region,"
                        + " :country, :date, :state, :version, :createdAt, :createdBy, :updatedAt, :updatedBy,"
                        + " :publishedAt)")
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
        int changed = jdbc.sql("""
                        update article set slug = :slug, language = :language, section = :section,
                            headline = :headline, standfirst = :standfirst, body = :body, dateline_place = :place,
                            dateline_region = :region, dateline_country = :country, dateline_date = :date,
                            state = :state, version = :version, updated_at = :updatedAt, updated_by = :updatedBy,
                            published_at = :publishedAt
                        where id = :id and version = :expected""").paramSource(params).update();
        if (changed != 1) {
            throw new StaleVersion(a.id(), expectedVersion);
        }
        jdbc.sql("delete from article_byline where article_id = ?")
                .param(a.id().value())
                .update();
        insertBylines(a);
    }

    public Optional<Article> find(ArticleId id) {
        List<Article> found = load("where id = ?", List.of(id.value()));
        return found.stream().findFirst();
    }

    public List<Article> latest(int offset, int limit) {
        return load("order by updated_at desc, id offset ? limit ?", List.of(offset, limit));
    }

    public int count() {
        return jdbc.sql("select count(*) from article").query(Integer.class).single();
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
        jdbc.sql("select article_id, name, role from article_byline where article_id = any(?) order by article_id,"
                        + " position")
                .param(rows.stream().map(r -> r.id).toArray(UUID[]::new))
                .query(rs -> {
                    bylines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Byline(rs.getString(2), rs.getString(3)));
                });
        return rows.stream()
                .map(r -> r.toArticle(bylines.getOrDefault(r.id, List.of())))
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", a.id().value());
        p.put("slug", a.slug().value());
        p.put("language", a.language().value());
        p.put("section", a.section());
        p.put("headline", a.headline());
        p.put("standfirst", a.standfirst());
        p.put("body", a.body());
        p.put("place", a.dateline().place());
        p.put("region", a.dateline().region());
        p.put("country", a.dateline().countryCode());
        p.put("date", Date.valueOf(a.dateline().date()));
        p.put("state", a.state().name());
        p.put("version", a.version());
        p.put("createdAt", Timestamp.from(a.createdAt()));
        p.put("createdBy", a.createdBy());
        p.put("updatedAt", Timestamp.from(a.updatedAt()));
        p.put("updatedBy", a.updatedBy());
        p.put("publishedAt", a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()));
        return p;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs);
    }

    /** One article row read eagerly, waiting for its bylines. */
    private static final class Row {
        final UUID id;
        final Article partial;

        Row(UUID id, ResultSet rs) throws SQLException {
            this.id = id;
            Timestamp published = rs.getTimestamp("published_at");
            this.partial = new Article(
                    new ArticleId(id),
                    new Slug(rs.getString("slug")),
                    LanguageTag.of(rs.getString("language")),
                    rs.getString("section"),
                    rs.getString("headline"),
                    rs.getString("standfirst"),
                    rs.getString("body"),
                    List.of(),
                    new Dateline(
                            rs.getString("dateline_place"),
                            rs.getString("dateline_region"),
                            rs.getString("dateline_country"),
                            rs.getDate("dateline_date").toLocalDate()),
                    ArticleState.valueOf(rs.getString("state")),
                    rs.getLong("version"),
                    instant(rs.getTimestamp("created_at")),
                    rs.getString("created_by"),
                    instant(rs.getTimestamp("updated_at")),
                    rs.getString("updated_by"),
                    published == null ? null : instant(published));
        }

        Article toArticle(List<Byline> bylines) {
            Article a = partial;
            return new Article(
                    a.id(),
                    a.slug(),
                    a.language(),
                    a.section(),
                    a.headline(),
                    a.standfirst(),
                    a.body(),
                    bylines,
                    a.dateline(),
                    a.state(),
                    a.version(),
                    a.createdAt(),
                    a.createdBy(),
                    a.updatedAt(),
                    a.updatedBy(),
                    a.publishedAt());
        }

        private static Instant instant(Timestamp t) {
            return t.toInstant();
        }
    }
}
