package news.cms.core.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the append-only audit trail.
 *
 * @param action what happened, e.g. {@code article.publish}, {@code lock.break}, {@code comment.reject}
 * @param targetType what it happened to, e.g. {@code article}
 * @param details further facts, such as a note or a reason
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String targetType,
        String targetId,
        Map<String, String> details) {

    public AuditEvent {
        details = Map.copyOf(details);
    }
}
