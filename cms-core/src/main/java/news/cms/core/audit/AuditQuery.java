package news.cms.core.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to read: any combination of target, actor and time range, newest first.
 *
 * @param beforeId for keyset paging: only events older than this id
 */
public record AuditQuery(
        @Nullable String targetType,
        @Nullable String targetId,
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
        if ((targetType == null) != (targetId == null)) {
            throw new IllegalArgumentException("a target needs both its type and its id");
        }
    }

    public static AuditQuery forTarget(String type, String id) {
        return new AuditQuery(type, id, null, null, null, null, 100);
    }

    public static AuditQuery byActor(String actor) {
        return new AuditQuery(null, null, actor, null, null, null, 100);
    }
}
