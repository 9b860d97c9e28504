package news.cms.core.translation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationGroupId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Translation group membership in PostgreSQL, with plain SQL. */
@Repository
public class TranslationRepository {

    private static final String COLUMNS =
            "article_id, group_id, language, source_id, source_version, stale, stale_since, notice, notice_at";

    private final JdbcClient jdbc;

    TranslationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Translation> find(ArticleId id) {
        return jdbc.sql("select " + COLUMNS + " from translation where article_id = ?")
                .param(id.value())
                .query(TranslationRepository::row)
                .optional();
    }

    /** The groups of those of {@code ids} that are in one. */
    public Map<ArticleId, TranslationGroupId> groupsOf(Collection<ArticleId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<ArticleId, TranslationGroupId> groups = new HashMap<>();
        jdbc.sql("select article_id, group_id from translation where article_id in (:ids)")
                .param("ids", ids.stream().map(ArticleId::value).distinct().toList())
                .query((RowCallbackHandler) rs -> groups.put(
                        new ArticleId(rs.getObject(1, UUID.class)),
                        new TranslationGroupId(rs.getObject(2, UUID.class))));
        return groups;
    }

    /** The group's members, the original first, then by language. */
    public List<Translation> group(TranslationGroupId group) {
        return jdbc.sql("select " + COLUMNS + " from translation where group_id = ?"
                        + " order by source_id is not null, language")
                .param(group.value())
                .query(TranslationRepository::row)
                .list();
    }

    /** The members of the groups, each group's original first, then by language. */
    public List<Translation> groups(Collection<TranslationGroupId> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from translation where group_id = any(?)"
                        + " order by group_id, source_id is not null, language")
                .param(groups.stream().map(TranslationGroupId::value).distinct().toArray(UUID[]::new))
                .query(TranslationRepository::row)
                .list();
    }

    /** The memberships of those of the articles that are in a group, in no particular order. */
    public List<Translation> findAll(Collection<ArticleId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] values = ids.stream().map(ArticleId::value).toArray(UUID[]::new);
        return jdbc.sql("select " + COLUMNS + " from translation where article_id = any(?)")
                .param(values)
                .query(TranslationRepository::row)
                .list();
    }

    /**
     * Stale translations, the longest stale first, optionally of one language, after a keyset cursor.
     * The table holds a row per grouped article only, so scanning it for the flag stays small.
     */
    public List<Translation> stale(
            @Nullable String language, @Nullable Instant afterSince, @Nullable ArticleId afterId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from translation where stale");
        List<Object> params = new ArrayList<>();
        if (language != null) {
            sql.append(" and language = ?");
            params.add(language);
        }
        if (afterSince != null && afterId != null) {
            sql.append(" and (stale_since, article_id) > (?, ?)");
            params.add(Timestamp.from(afterSince));
            params.add(afterId.value());
        }
        sql.append(" order by stale_since, article_id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(TranslationRepository::row)
                .list();
    }

    /** Locks the group's rows for this transaction, so two "translate into" calls take turns. */
    public void lockGroup(TranslationGroupId group) {
        jdbc.sql("select article_id from translation where group_id = ? for update")
                .param(group.value())
                .query(UUID.class)
                .list();
    }

    /**
     * Makes {@code id} the original of a new group unless it is in one already. Under a concurrent
     * insert for the same article it waits for that transaction and, if it committed, does nothing.
     */
    public void insertOriginalIfAbsent(
            ArticleId id, TranslationGroupId group, String language, String hash, long version) {
        jdbc.sql("insert into translation (article_id, group_id, language, text_hash, text_version)"
                        + " values (?, ?, ?, ?, ?) on conflict (article_id) do nothing")
                .params(id.value(), group.value(), language, hash, version)
                .update();
    }

    /** The group's version in {@code language} (a primary subtag), if it has one. */
    public Optional<ArticleId> member(TranslationGroupId group, String language) {
        return jdbc.sql("select article_id from translation where group_id = ? and language = ?")
                .params(group.value(), language)
                .query((rs, n) -> new ArticleId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /**
     * Adds a translation to the group unless the group has that language already.
     *
     * @return whether it was added; a conflict leaves the transaction usable (no error is raised)
     */
    public boolean insertTranslationIfFree(
            ArticleId id,
            TranslationGroupId group,
            String language,
            String hash,
            long version,
            ArticleId source,
            long sourceVersion,
            String sourceHash) {
        return jdbc.sql("insert into translation (article_id, group_id, language, text_hash, text_version, source_id,"
                                + " source_version, source_hash) values (?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (group_id, language) do nothing")
                        .params(
                                id.value(),
                                group.value(),
                                language,
                                hash,
                                version,
                                source.value(),
                                sourceVersion,
                                sourceHash)
                        .update()
                == 1;
    }

    /** The member's own text moved on (or its language changed). */
    public void textSaved(ArticleId id, String language, String hash, long version) {
        jdbc.sql("update translation set language = ?, text_hash = ?, text_version = ? where article_id = ?")
                .params(language, hash, version, id.value())
                .update();
    }

    /** A minor edit of the source: translations that were up to date follow it without being flagged. */
    public void followMinorEdit(ArticleId source, String hash, long version) {
        jdbc.sql("update translation set source_hash = ?, source_version = ? where source_id = ? and not stale")
                .params(hash, version, source.value())
                .update();
    }

    /**
     * Flags the source's up-to-date translations whose source text differs from {@code hash}.
     *
     * @return the translations now stale
     */
    public List<ArticleId> flagStale(ArticleId source, String hash, Instant now) {
        return jdbc.sql("update translation set stale = true, stale_since = ?"
                        + " where source_id = ? and not stale and source_hash <> ? returning article_id")
                .params(Timestamp.from(now), source.value(), hash)
                .query((rs, n) -> new ArticleId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * The translation follows its source's current text again.
     *
     * @return whether it was stale
     */
    public boolean clearStale(ArticleId id) {
        return jdbc.sql("""
                        update translation t set stale = false, stale_since = null,
                            source_hash = s.text_hash, source_version = s.text_version
                        from translation s
                        where t.article_id = ? and t.stale and s.article_id = t.source_id""").param(id.value()).update() == 1;
    }

    /**
     * Sets the notice on every translation made from {@code source}, directly or through another
     * translation (a Sorani version made from the Arabic one of a killed English story must know).
     *
     * @return the translations now carrying the notice
     */
    public List<ArticleId> notice(ArticleId source, Translation.SourceNotice notice, Instant at) {
        return jdbc.sql("""
                        with recursive made_from(article_id) as (
                            select article_id from translation where source_id = ?
                            union
                            select t.article_id from translation t join made_from m on t.source_id = m.article_id)
                        update translation set notice = ?, notice_at = ?
                        where article_id in (select article_id from made_from)
                        returning article_id""")
                .params(source.value(), notice.name(), Timestamp.from(at))
                .query((rs, n) -> new ArticleId(rs.getObject(1, UUID.class)))
                .list();
    }

    private static Translation row(ResultSet rs, int n) throws SQLException {
        UUID source = rs.getObject("source_id", UUID.class);
        String notice = rs.getString("notice");
        return new Translation(
                new ArticleId(rs.getObject("article_id", UUID.class)),
                new TranslationGroupId(rs.getObject("group_id", UUID.class)),
                rs.getString("language"),
                source == null ? null : new ArticleId(source),
                (Long) rs.getObject("source_version"),
                rs.getBoolean("stale"),
                instant(rs.getTimestamp("stale_since")),
                notice == null ? null : Translation.SourceNotice.valueOf(notice),
                instant(rs.getTimestamp("notice_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
