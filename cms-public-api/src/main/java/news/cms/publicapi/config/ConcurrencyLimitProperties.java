package news.cms.publicapi.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bulkhead in front of {@code /v1} (ADR 0015).
 *
 * @param maxConcurrent requests served at once; more wait, then get 503
 * @param maxWait how long a request may wait for a place before it gets 503
 */
@ConfigurationProperties("cms.public-api.concurrency")
public record ConcurrencyLimitProperties(
        @DefaultValue("200") int maxConcurrent,
        @DefaultValue("100ms") Duration maxWait) {

    public ConcurrencyLimitProperties {
        if (maxConcurrent < 1 || maxConcurrent > 100_000) {
            throw new IllegalArgumentException(
                    "cms.public-api.concurrency.max-concurrent must be from 1 to 100000, not " + maxConcurrent);
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException(
                    "cms.public-api.concurrency.max-wait must be from 0 to 5 s, not " + maxWait);
        }
    }
}
