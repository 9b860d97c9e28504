package news.cms.core.availability;

import java.time.Duration;

/**
 * A request failed because an engine is unavailable.
 *
 * @param retryAfter how long the client had better wait before asking again
 */
public record Outage(Dependency dependency, Duration retryAfter) {

    /** For a {@code Retry-After} header: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
