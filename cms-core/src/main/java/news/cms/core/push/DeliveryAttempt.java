package news.cms.core.push;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One try at a delivery, for the delivery log.
 *
 * @param statusCode the HTTP status answered, none when no answer came (refused, timed out)
 * @param id the attempt's place in the log, for paging (a later attempt has a higher id)
 */
public record DeliveryAttempt(
        UUID deliveryId,
        long sequence,
        Instant at,
        @Nullable Integer statusCode,
        long latencyMillis,
        Outcome outcome,
        @Nullable String error,
        long id) {

    public enum Outcome {
        DELIVERED,
        /** Failed; another attempt is scheduled. */
        RETRY,
        FAILED,
        /** 410 Gone: the subscription was disabled. */
        GONE
    }
}
