package news.cms.core.search;

import java.time.Duration;
import news.cms.core.availability.Dependency;
import news.cms.core.availability.DependencyUnavailable;
import org.jspecify.annotations.Nullable;

/** The search engine did not answer a query in time, failed, or its breaker is open. */
public class SearchUnavailable extends DependencyUnavailable {

    public SearchUnavailable(String message, Duration retryAfter, @Nullable Throwable cause) {
        super(Dependency.SEARCH, retryAfter, message, cause);
    }
}
