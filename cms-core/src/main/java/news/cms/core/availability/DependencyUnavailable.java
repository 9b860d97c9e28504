package news.cms.core.availability;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An engine did not answer in time, or its breaker is open: the request cannot be served now, and
 * the client may try again after {@link #retryAfter()}. Never the client's fault, never our bug.
 */
public class DependencyUnavailable extends RuntimeException {

    private final Dependency dependency;
    private final Duration retryAfter;

    public DependencyUnavailable(
            Dependency dependency, Duration retryAfter, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
        this.retryAfter = retryAfter;
    }

    public Dependency dependency() {
        return dependency;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
