package news.cms.core.outbox;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the outbox events whose listener failed (say, the search engine was down): every
 * few seconds, each publication still incomplete after a grace period is resubmitted. Listeners
 * are idempotent (the index uses external versions), so a second delivery does no harm.
 */
@Component
@ConditionalOnBooleanProperty(name = "cms.outbox.retry-enabled", matchIfMissing = true)
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final IncompleteEventPublications incomplete;
    private final Duration grace;

    OutboxRetry(IncompleteEventPublications incomplete, @Value("${cms.outbox.retry-after:10s}") Duration grace) {
        this.incomplete = incomplete;
        this.grace = grace;
    }

    @Scheduled(
            fixedDelayString = "${cms.outbox.retry-interval:5s}",
            initialDelayString = "${cms.outbox.retry-interval:5s}")
    void resubmit() {
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(grace);
        } catch (RuntimeException e) {
            log.warn("could not resubmit incomplete event publications: {}", e.getMessage());
        }
    }
}
