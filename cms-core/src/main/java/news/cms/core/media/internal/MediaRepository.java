package news.cms.core.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaText;
import news.cms.core.media.Rendition;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Media items, their texts and renditions, and featured images, in PostgreSQL with plain SQL. */
@Repository
public class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MediaItem item, String storageKey) {
        jdbc.sql("""
                        insert into media_item (id, format, width, height, byte_size, sha256, storage_key,
                            copyright_holder, usage_terms, focal_x, focal_y, generation, version, created_by,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        item.id().value(),
                        item.format().name(),
                        item.width(),
                        item.height(),
                        item.bytes(),
                        item.sha256(),
                        storageKey,
                        item.copyrightHolder(),
                        item.usageTerms(),
                        item.focalPoint().x(),
                        item.focalPoint().y(),
                        item.generation(),
                        item.version(),
                        item.createdBy(),
                        Timestamp.from(item.createdAt()),
                        Timestamp.from(item.updatedAt()))
                .update();
        item.texts().forEach((lang, text) -> putText(item.id(), lang, text));
    }

    public Optional<MediaItem> find(MediaId id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** Those of the items that exist, with their texts and renditions, in three statements. */
    public Map<MediaId, MediaItem> findAll(Collection<MediaId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return withParts(jdbc.sql("select * from media_item where id = any(?)")
                .param(ids.stream().map(MediaId::value).distinct().toArray(UUID[]::new))
                .query((rs, n) -> row(rs, Map.of(), List.of()))
                .list());
    }

    /** Locks the item's row for this transaction. */
    public Optional<MediaItem> findForUpdate(MediaId id) {
        return Optional.ofNullable(withParts(jdbc.sql("select * from media_item where id = ? for update")
                        .param(id.value())
                        .query((rs, n) -> row(rs, Map.of(), List.of()))
                        .list())
                .get(id));
    }

    /**
     * The items with their texts and renditions, read after the rows, not inside their mapper (one
     * statement at a time).
     */
    private Map<MediaId, MediaItem> withParts(List<MediaItem> items) {
        if (items.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = items.stream().map(i -> i.id().value()).toArray(UUID[]::new);
        Map<MediaId, Map<String, MediaText>> texts = texts(ids);
        Map<MediaId, List<Rendition>> renditions = renditions(ids);
        Map<MediaId, MediaItem> found = new LinkedHashMap<>();
        for (MediaItem i : items) {
            found.put(
                    i.id(),
                    withParts(i, texts.getOrDefault(i.id(), Map.of()), renditions.getOrDefault(i.id(), List.of())));
        }
        return found;
    }

    public String storageKey(MediaId id) {
        return jdbc.sql("select storage_key from media_item where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    public void putText(MediaId id, String language, MediaText text) {
        jdbc.sql("""
                        insert into media_text (media_id, language, caption, alt_text, credit) values (?, ?, ?, ?, ?)
                        on conflict (media_id, language)
                        do update set caption = excluded.caption, alt_text = excluded.alt_text, credit = excluded.credit""")
                .params(id.value(), language, text.caption(), text.altText(), text.credit())
                .update();
    }

    /** Stores the item's new facts (rights, focal point, generation) and version, and touches updated_at. */
    public void update(MediaItem item) {
        jdbc.sql("""
                        update media_item set copyright_holder = ?, usage_terms = ?, focal_x = ?, focal_y = ?,
                            generation = ?, version = ?, updated_at = ? where id = ?""")
                .params(
                        item.copyrightHolder(),
                        item.usageTerms(),
                        item.focalPoint().x(),
                        item.focalPoint().y(),
                        item.generation(),
                        item.version(),
                        Timestamp.from(item.updatedAt()),
                        item.id().value())
                .update();
    }

    /**
     * Records a rendition made for {@code generation}, unless the item has moved on to another
     * generation meanwhile.
     *
     * @return the key of the rendition it replaced (to delete), empty when none or when not stored
     */
    public Optional<String> putRendition(Rendition r, Instant now) {
        String previous = jdbc.sql("select storage_key from media_rendition where media_id = ? and name = ?")
                .params(r.mediaId().value(), r.name())
                .query(String.class)
                .optional()
                .orElse(null);
        int stored = jdbc.sql("""
                        insert into media_rendition (media_id, name, generation, width, height, byte_size, sha256,
                            content_type, storage_key, created_at)
                        select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where exists
                            (select 1 from media_item where id = ? and generation = ?)
                        on conflict (media_id, name) do update set generation = excluded.generation,
                            width = excluded.width, height = excluded.height, byte_size = excluded.byte_size,
                            sha256 = excluded.sha256, content_type = excluded.content_type,
                            storage_key = excluded.storage_key, created_at = excluded.created_at""")
                .params(
                        r.mediaId().value(),
                        r.name(),
                        r.generation(),
                        r.width(),
                        r.height(),
                        r.bytes(),
                        r.sha256(),
                        r.contentType(),
                        r.storageKey(),
                        Timestamp.from(now),
                        r.mediaId().value(),
                        r.generation())
                .update();
        return stored == 1 && previous != null && !previous.equals(r.storageKey())
                ? Optional.of(previous)
                : Optional.empty();
    }

    /** The featured images of those of the articles that have one. */
    public Map<ArticleId, MediaId> featuredImages(Collection<ArticleId> articles) {
        Map<ArticleId, MediaId> featured = new HashMap<>();
        if (!articles.isEmpty()) {
            jdbc.sql("select article_id, media_id from article_featured_image where article_id = any(?)")
                    .param(articles.stream().map(ArticleId::value).distinct().toArray(UUID[]::new))
                    .query(rs -> {
                        featured.put(
                                new ArticleId(rs.getObject(1, UUID.class)), new MediaId(rs.getObject(2, UUID.class)));
                    });
        }
        return featured;
    }

    /** The pictures each article's current content places in its body; an article placing none is missing. */
    public Map<ArticleId, Set<MediaId>> inlineImages(Collection<ArticleId> articles) {
        Map<ArticleId, Set<MediaId>> placed = new HashMap<>();
        if (!articles.isEmpty()) {
            jdbc.sql("select article_id, media_id from article_inline_image where article_id = any(?)")
                    .param(articles.stream().map(ArticleId::value).distinct().toArray(UUID[]::new))
                    .query(rs -> {
                        placed.computeIfAbsent(new ArticleId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
                                .add(new MediaId(rs.getObject(2, UUID.class)));
                    });
        }
        return placed;
    }

    public Optional<MediaId> featuredImage(ArticleId article) {
        return Optional.ofNullable(featuredImages(List.of(article)).get(article));
    }

    public void setFeaturedImage(ArticleId article, MediaId media, String by, Instant at) {
        jdbc.sql("""
                        insert into article_featured_image (article_id, media_id, set_by, set_at) values (?, ?, ?, ?)
                        on conflict (article_id) do update set media_id = excluded.media_id, set_by = excluded.set_by,
                            set_at = excluded.set_at""")
                .params(article.value(), media.value(), by, Timestamp.from(at))
                .update();
    }

    public void clearFeaturedImage(ArticleId article) {
        jdbc.sql("delete from article_featured_image where article_id = ?")
                .param(article.value())
                .update();
    }

    /** Adds the picture to the story's pictures (nothing when it is there already). */
    public void addPicture(ArticleId article, MediaId media, String by, Instant at) {
        jdbc.sql("""
                        insert into article_picture (article_id, media_id, added_by, added_at) values (?, ?, ?, ?)
                        on conflict do nothing""")
                .params(article.value(), media.value(), by, Timestamp.from(at))
                .update();
    }

    /** The story's pictures, the first added first. */
    public List<MediaId> pictures(ArticleId article) {
        return jdbc.sql("select media_id from article_picture where article_id = ? order by added_at, media_id")
                .param(article.value())
                .query((rs, n) -> new MediaId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The stories the picture belongs to or that feature it. */
    public List<ArticleId> stories(MediaId media) {
        return articleIds("""
                        select article_id from article_picture where media_id = ?
                        union select article_id from article_featured_image where media_id = ?""", media.value(), media.value());
    }

    /** The articles that feature the item. */
    public List<ArticleId> featuring(MediaId media) {
        return articleIds("select article_id from article_featured_image where media_id = ?", media.value());
    }

    private List<ArticleId> articleIds(String sql, Object... params) {
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new ArticleId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** The articles that show the item, as featured image or in their body. */
    public List<ArticleId> showing(MediaId media) {
        return articleIds("""
                        select article_id from article_featured_image where media_id = ?
                        union select article_id from article_inline_image where media_id = ?""", media.value(), media.value());
    }

    /** The pictures the article's current content places in its body. */
    public Set<MediaId> inlineImages(ArticleId article) {
        return inlineImages(List.of(article)).getOrDefault(article, new HashSet<>());
    }

    /** Makes {@code pictures} the article's inline pictures: those no longer placed go, new ones come. */
    public void replaceInlineImages(ArticleId article, Set<MediaId> pictures, String by, Instant at) {
        Set<MediaId> before = inlineImages(article);
        for (MediaId gone : before) {
            if (!pictures.contains(gone)) {
                jdbc.sql("delete from article_inline_image where article_id = ? and media_id = ?")
                        .params(article.value(), gone.value())
                        .update();
            }
        }
        for (MediaId placed : pictures) {
            if (!before.contains(placed)) {
                jdbc.sql("""
                                insert into article_inline_image (article_id, media_id, placed_by, placed_at)
                                values (?, ?, ?, ?) on conflict do nothing""")
                        .params(article.value(), placed.value(), by, Timestamp.from(at))
                        .update();
            }
        }
    }

    private Map<MediaId, Map<String, MediaText>> texts(UUID[] ids) {
        Map<MediaId, Map<String, MediaText>> texts = new HashMap<>();
        jdbc.sql("select media_id, language, caption, alt_text, credit from media_text where media_id = any(?)")
                .param(ids)
                .query(rs -> {
                    texts.computeIfAbsent(new MediaId(rs.getObject("media_id", UUID.class)), k -> new HashMap<>())
                            .put(
                                    rs.getString("language"),
                                    new MediaText(
                                            rs.getString("caption"), rs.getString("alt_text"), rs.getString("credit")));
                });
        return texts;
    }

    private Map<MediaId, List<Rendition>> renditions(UUID[] ids) {
        Map<MediaId, List<Rendition>> renditions = new HashMap<>();
        jdbc.sql("select * from media_rendition where media_id = any(?) order by media_id, width, name")
                .param(ids)
                .query(rs -> {
                    MediaId id = new MediaId(rs.getObject("media_id", UUID.class));
                    renditions
                            .computeIfAbsent(id, k -> new ArrayList<>())
                            .add(new Rendition(
                                    id,
                                    rs.getString("name"),
                                    rs.getInt("generation"),
                                    rs.getInt("width"),
                                    rs.getInt("height"),
                                    rs.getLong("byte_size"),
                                    rs.getString("sha256"),
                                    rs.getString("content_type"),
                                    rs.getString("storage_key")));
                });
        return renditions;
    }

    private static MediaItem withParts(MediaItem i, Map<String, MediaText> texts, List<Rendition> renditions) {
        return new MediaItem(
                i.id(),
                i.format(),
                i.width(),
                i.height(),
                i.bytes(),
                i.sha256(),
                i.copyrightHolder(),
                i.usageTerms(),
                i.focalPoint(),
                texts,
                i.generation(),
                renditions,
                i.version(),
                i.createdBy(),
                i.createdAt(),
                i.updatedAt());
    }

    private static MediaItem row(ResultSet rs, Map<String, MediaText> texts, List<Rendition> renditions)
            throws SQLException {
        return new MediaItem(
                new MediaId(rs.getObject("id", UUID.class)),
                ImageFormat.valueOf(rs.getString("format")),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("byte_size"),
                rs.getString("sha256"),
                rs.getString("copyright_holder"),
                rs.getString("usage_terms"),
                new FocalPoint(rs.getDouble("focal_x"), rs.getDouble("focal_y")),
                texts,
                rs.getInt("generation"),
                renditions,
                rs.getLong("version"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? Instant.EPOCH : t.toInstant();
    }
}
