package news.cms.core.comment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.QueueQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The moderation queue's reads: one WHERE clause built from a {@link QueueQuery} for the count and
 * the slice, so that both always agree.
 */
@Repository
public class QueueRepository {

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count(QueueQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        return jdbc.sql("select count(*) from comment c where " + where)
                .params(params)
                .query(Integer.class)
                .single();
    }

    public List<Comment> slice(QueueQuery query, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        params.put("offset", offset);
        params.put("limit", limit);
        return jdbc.sql("select " + CommentRepository.COLUMNS + " from comment c where " + where + " order by "
                        + order(query) + " offset :offset limit :limit")
                .params(params)
                .query(CommentRepository::comment)
                .list();
    }

    /**
     * The comment next to {@code anchor} in the query's order (after it, or before it), whether or
     * not the anchor itself matches the query: after a decision the anchor is left out, and its
     * neighbour is what the moderator expects next.
     */
    public Optional<Comment> neighbour(QueueQuery query, CommentId anchor, boolean after) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        params.put("anchor", anchor.value());
        String key = key(query, "c");
        // Forward in an ascending order, or backward in a descending one, means a greater key.
        boolean greater = ascending(query) == after;
        String sql = "select " + CommentRepository.COLUMNS + " from comment c where " + where + " and (" + key + ") "
                + (greater ? ">" : "<") + " (select " + key(query, "a") + " from comment a where a.id = :anchor)"
                + " order by " + (after ? order(query) : reversed(query)) + " limit 1";
        return jdbc.sql(sql).params(params).query(CommentRepository::comment).optional();
    }

    /** How many comments of the query come before {@code anchor} in its order: the anchor's row index. */
    public int position(QueueQuery query, CommentId anchor) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        params.put("anchor", anchor.value());
        String key = key(query, "c");
        return jdbc.sql("select count(*) from comment c where " + where + " and (" + key + ") "
                        + (ascending(query) ? "<" : ">") + " (select " + key(query, "a")
                        + " from comment a where a.id = :anchor)")
                .params(params)
                .query(Integer.class)
                .single();
    }

    public List<String> sections() {
        return jdbc.sql("select distinct a.section from article a where exists"
                        + " (select 1 from comment c where c.article_id = a.id) order by 1 limit 500")
                .query(String.class)
                .list();
    }

    private static String where(QueueQuery q, Map<String, Object> params) {
        List<String> and = new ArrayList<>();
        and.add("c.state = :state");
        params.put("state", q.state().name());
        if (q.article() != null) {
            and.add("c.article_id = :article");
            params.put("article", q.article().value());
        }
        if (q.section() != null) {
            and.add("c.article_id in (select a.id from article a where a.section = :section)");
            params.put("section", q.section());
        }
        if (q.language() != null) {
            and.add("c.language = :language");
            params.put("language", q.language().value());
        }
        if (q.category() != null) {
            // Screening names its categories like the reasons they suggest (ScreeningCategory).
            and.add("(c.screening -> 'evidence' @> cast(:evidence as jsonb) or c.rejection_reason = :reason)");
            params.put("evidence", "[{\"category\":\"" + q.category().name() + "\"}]");
            params.put("reason", q.category().code());
        }
        if (q.search() != null) {
            and.add("(c.text ilike :search escape '\\' or c.display_name ilike :search escape '\\')");
            params.put(
                    "search",
                    "%" + q.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!q.excluded().isEmpty()) {
            // One array parameter (an array literal of UUIDs), not one placeholder per id.
            and.add("c.id <> all(cast(:excluded as uuid[]))");
            params.put(
                    "excluded",
                    q.excluded().stream().map(id -> id.value().toString()).collect(Collectors.joining(",", "{", "}")));
        }
        return String.join(" and ", and);
    }

    // The sort key as a row value, compared with PostgreSQL's row comparison in the order's direction.
    private static String key(QueueQuery q, String t) {
        if (q.state() != CommentState.PENDING) {
            return t + ".decided_at, " + t + ".id";
        }
        return switch (q.order()) {
            case OLDEST, NEWEST -> t + ".created_at, " + t + ".id";
            case RISKIEST -> "-coalesce((" + t + ".screening ->> 'risk')::int, 0), " + t + ".created_at, " + t + ".id";
        };
    }

    private static boolean ascending(QueueQuery q) {
        return q.state() == CommentState.PENDING && q.order() != QueueQuery.Order.NEWEST;
    }

    private static String reversed(QueueQuery q) {
        if (q.state() != CommentState.PENDING) {
            return "c.decided_at, c.id";
        }
        return switch (q.order()) {
            case OLDEST -> "c.created_at desc, c.id desc";
            case NEWEST -> "c.created_at, c.id";
            case RISKIEST -> "coalesce((c.screening ->> 'risk')::int, 0), c.created_at desc, c.id desc";
        };
    }

    // Ties broken by id, so that a slice boundary never shows a comment twice or skips one.
    private static String order(QueueQuery q) {
        if (q.state() != CommentState.PENDING) {
            return "c.decided_at desc, c.id desc";
        }
        return switch (q.order()) {
            case OLDEST -> "c.created_at, c.id";
            case NEWEST -> "c.created_at desc, c.id desc";
            case RISKIEST -> "coalesce((c.screening ->> 'risk')::int, 0) desc, c.created_at, c.id";
        };
    }
}
