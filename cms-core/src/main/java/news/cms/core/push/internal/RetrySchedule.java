package news.cms.core.push.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * When to try a failed delivery again: the Standard Webhooks schedule (by default immediately, 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), each wait varied by up to ±{@code jitter}, and never sooner
 * than a {@code Retry-After} the partner sent (up to a cap).
 *
 * @param waits the wait before each attempt; {@code waits[0]} before the first
 */
record RetrySchedule(List<Duration> waits, double jitter, Duration maxRetryAfter, DoubleSupplier random) {

    /**
     * When the next attempt is due after {@code attemptsMade} attempts (the one just failed
     * included), or empty when the schedule is used up.
     */
    Optional<Instant> next(int attemptsMade, Instant now, @Nullable Duration retryAfter) {
        if (attemptsMade >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(attemptsMade);
        long millis = wait.toMillis();
        long varied = Math.round(millis * (1 + jitter * (2 * random.getAsDouble() - 1)));
        Duration scheduled = Duration.ofMillis(Math.max(0, varied));
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            if (asked.compareTo(scheduled) > 0) {
                scheduled = asked;
            }
        }
        return Optional.of(now.plus(scheduled));
    }
}
