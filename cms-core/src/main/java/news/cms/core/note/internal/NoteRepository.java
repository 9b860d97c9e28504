package news.cms.core.note.internal;

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
import news.cms.core.article.ArticleId;
import news.cms.core.note.Anchor;
import news.cms.core.note.Mention;
import news.cms.core.note.NoteId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes and their mentions in PostgreSQL, with plain SQL. */
@Repository
public class NoteRepository {

    private static final String COLUMNS = "n.id, n.article_id, n.author, n.text, n.anchor_paragraph, n.anchor_quote,"
            + " n.created_at, n.resolved_at, n.resolved_by";

    private final JdbcClient jdbc;

    NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A note as stored, before it is placed against a body. */
    public record Row(
            NoteId id,
            ArticleId articleId,
            String author,
            String text,
            @Nullable Anchor anchor,
            Instant createdAt,
            @Nullable Instant resolvedAt,
            @Nullable String resolvedBy,
            List<Mention> mentions) {}

    /** A stored note with the story it is on, for a desk's list. */
    public record OnStory(Row note, String headline, String section, String language, String body) {}

    public void insert(Row note) {
        jdbc.sql("insert into note (id, article_id, author, text, anchor_paragraph, anchor_quote, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        note.id().value(),
                        note.articleId().value(),
                        note.author(),
                        note.text(),
                        note.anchor() == null ? null : note.anchor().paragraph(),
                        note.anchor() == null ? null : note.anchor().quote(),
                        Timestamp.from(note.createdAt()))
                .update();
        for (Mention m : note.mentions()) {
            jdbc.sql("insert into note_mention (note_id, kind, name) values (?, ?, ?) on conflict do nothing")
                    .params(note.id().value(), m.kind().name(), m.name())
                    .update();
        }
    }

    public Optional<Row> find(NoteId id) {
        return withMentions(jdbc.sql("select " + COLUMNS + " from note n where n.id = ?")
                        .param(id.value())
                        .query(NoteRepository::row)
                        .list())
                .stream()
                .findFirst();
    }

    /** The story's thread, oldest first. */
    public List<Row> thread(ArticleId article) {
        return withMentions(
                jdbc.sql("select " + COLUMNS + " from note n where n.article_id = ?" + " order by n.created_at, n.id")
                        .param(article.value())
                        .query(NoteRepository::row)
                        .list());
    }

    public int openCount(ArticleId article) {
        return jdbc.sql("select count(*) from note where article_id = ? and resolved_at is null")
                .param(article.value())
                .query(Integer.class)
                .single();
    }

    /** Open notes on the section's stories, newest first, at most {@code limit}. */
    public List<OnStory> openOnDesk(@Nullable String section, int limit) {
        List<OnStory> found = jdbc.sql("select " + COLUMNS + ", a.headline, a.section, a.language, a.body from note n"
                        + " join article a on a.id = n.article_id"
                        + " where n.resolved_at is null and (cast(? as text) is null or a.section = ?)"
                        + " order by n.created_at desc, n.id limit ?")
                .params(section, section, limit)
                .query((rs, i) -> new OnStory(
                        row(rs, i),
                        rs.getString("headline"),
                        rs.getString("section"),
                        rs.getString("language"),
                        rs.getString("body")))
                .list();
        Map<NoteId, List<Mention>> mentions =
                mentions(found.stream().map(o -> o.note().id()).toList());
        return found.stream()
                .map(o -> new OnStory(with(o.note(), mentions), o.headline(), o.section(), o.language(), o.body()))
                .toList();
    }

    /** Marks the note resolved; false when it was resolved already. */
    public boolean resolve(NoteId id, String by, Instant at) {
        return jdbc.sql("update note set resolved_at = ?, resolved_by = ? where id = ? and resolved_at is null")
                        .params(Timestamp.from(at), by, id.value())
                        .update()
                == 1;
    }

    /** Opens the note again; false when it was open. */
    public boolean reopen(NoteId id) {
        return jdbc.sql(
                                "update note set resolved_at = null, resolved_by = null where id = ? and resolved_at is not null")
                        .param(id.value())
                        .update()
                == 1;
    }

    private List<Row> withMentions(List<Row> rows) {
        Map<NoteId, List<Mention>> mentions =
                mentions(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> with(r, mentions)).toList();
    }

    private static Row with(Row r, Map<NoteId, List<Mention>> mentions) {
        return new Row(
                r.id(),
                r.articleId(),
                r.author(),
                r.text(),
                r.anchor(),
                r.createdAt(),
                r.resolvedAt(),
                r.resolvedBy(),
                mentions.getOrDefault(r.id(), List.of()));
    }

    private Map<NoteId, List<Mention>> mentions(List<NoteId> ids) {
        Map<NoteId, List<Mention>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select note_id, kind, name from note_mention where note_id = any(?) order by kind desc, name")
                .param(ids.stream().map(NoteId::value).toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(new NoteId(rs.getObject("note_id", UUID.class)), k -> new ArrayList<>())
                            .add(new Mention(Mention.Kind.valueOf(rs.getString("kind")), rs.getString("name")));
                });
        return out;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        int paragraph = rs.getInt("anchor_paragraph");
        Anchor anchor = rs.wasNull() ? null : new Anchor(paragraph, rs.getString("anchor_quote"));
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Row(
                new NoteId(rs.getObject("id", UUID.class)),
                new ArticleId(rs.getObject("article_id", UUID.class)),
                rs.getString("author"),
                rs.getString("text"),
                anchor,
                rs.getTimestamp("created_at").toInstant(),
                resolved == null ? null : resolved.toInstant(),
                rs.getString("resolved_by"),
                List.of());
    }
}
