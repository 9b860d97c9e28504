package news.cms.core.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import news.cms.core.audit.internal.AuditRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail. Entries are written in the caller's transaction, so a command and its audit
 * entry are stored together or not at all; the database refuses to change or delete them.
 */
@Service
public class AuditLog {

    private final AuditRepository events;
    private final Clock clock;

    AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, Map<String, String> details) {
        events.append(clock.instant(), actor, action, targetType, targetId, details);
    }

    /**
     * Admins read the whole trail; other staff read one target's events (a story's history) or
     * their own.
     */
    @PreAuthorize("hasRole('ADMIN') or (hasAnyRole('REPORTER', 'EDITOR', 'MODERATOR')"
            + " and (#query.targetId() != null or #query.actor() == authentication.name))")
    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditQuery query) {
        return events.find(query);
    }
}
