package news.cms.core.push;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One try at a delivery, for the delivery log.
 *
 * @param statusCode the HTTP status answered, none when no answer came (refused, timed out)
 */
public record DeliveryAttempt(
        UUID deliveryId,
        long sequence,
        Instant at,
        @Nullable Integer statusCode,
        long latencyMillis,
        Outcome outcome,
        @Nullable String error) {

    public enum Outcome {
        DELIVERED,
        /** Failed; another attempt is scheduled. */
        RETRY,
        FAILED,
        /** 410 Gone: the subscription was disabled. */
        GONE
    }
}
