package news.cms.core.push;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Push delivery settings (docs/adr/0024).
 *
 * @param workerEnabled whether this instance sends deliveries (several instances may: claims are
 *     {@code SKIP LOCKED} leases)
 * @param allowHttp whether plain-http endpoints may be used (tests and the dev stack only)
 * @param allowedNetworks CIDR blocks exempt from the private/loopback/link-local/metadata rule, such
 *     as {@code 127.0.0.0/8} for tests
 * @param connectTimeout at most this long to connect
 * @param requestTimeout at most this long without a byte of the answer
 * @param pollInterval how often idle instances look for due deliveries (a commit here wakes it at once)
 * @param concurrency deliveries in flight at once per subscription and instance (different stories)
 * @param retrySchedule the wait before each attempt, the first usually zero (Standard Webhooks)
 * @param jitter the wait varies by up to this fraction either way, so retries do not come in waves
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param disableAfter a subscription whose attempts failed for this long without a success is disabled
 * @param secretOverlap after a rotation, deliveries carry the old secret's signature this long too
 * @param secretKey encrypts signing secrets at rest (32 characters or more); stored as they are without it
 * @param publicBaseUrl the public API's address, for the {@code href} in notices
 */
@ConfigurationProperties("cms.push")
public record PushProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration requestTimeout,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("4") int concurrency,

        @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"})
        List<Duration> retrySchedule,

        @DefaultValue("0.1") double jitter,
        @DefaultValue("12h") Duration maxRetryAfter,
        @DefaultValue("72h") Duration disableAfter,
        @DefaultValue("24h") Duration secretOverlap,
        @Nullable String secretKey,
        @DefaultValue("http://localhost:8081") URI publicBaseUrl) {

    public PushProperties {
        allowedNetworks = List.copyOf(allowedNetworks);
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.isEmpty() || retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("cms.push.retry-schedule needs one or more waits, none negative");
        }
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("cms.push.concurrency must be 1 to 64");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("cms.push.jitter must be at least 0 and below 1");
        }
        for (Duration d : List.of(connectTimeout, requestTimeout, pollInterval, disableAfter)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("cms.push timeouts and intervals must be positive");
            }
        }
        if (secretKey != null && secretKey.isBlank()) {
            secretKey = null;
        }
        if (secretKey != null && secretKey.strip().length() < 32) {
            throw new IllegalArgumentException("cms.push.secret-key must be 32 characters or more");
        }
    }
}
