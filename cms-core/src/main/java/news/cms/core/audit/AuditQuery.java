package news.cms.core.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to read: any combination of target, action, actor and time range, newest
 * first.
 *
 * @param targetType only events about this kind of target, e.g. {@code article}
 * @param targetId only events about this one target (needs its type)
 * @param action only events of this action, e.g. {@code article.kill}
 * @param from only events at or after this instant
 * @param to only events before this instant
 * @param beforeId for keyset paging: only events older than this id
 */
public record AuditQuery(
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String action,
        @Nullable String actor,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long beforeId,
        int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (targetId != null && targetType == null) {
            throw new IllegalArgumentException("a target id needs the target's type");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range must start before it ends");
        }
    }

    public static AuditQuery forTarget(String type, String id) {
        return new AuditQuery(type, id, null, null, null, null, null, 100);
    }

    public static AuditQuery byActor(String actor) {
        return new AuditQuery(null, null, null, actor, null, null, null, 100);
    }

    /** The same query for the events after (older than) the given one, for the next page. */
    public AuditQuery after(AuditEvent last) {
        return new AuditQuery(targetType, targetId, action, actor, from, to, last.id(), limit);
    }
}
