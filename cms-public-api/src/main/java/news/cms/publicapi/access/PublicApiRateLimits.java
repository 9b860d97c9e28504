package news.cms.publicapi.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import news.cms.core.observability.Meters;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.ratelimit.RateLimiter;
import news.cms.core.ratelimit.RateLimiter.Rate;
import news.cms.publicapi.config.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts a {@code /v1} request against the key's own rate, or without a key against its address's.
 * Every answer says where the caller stands ({@code RateLimit-Limit}, {@code -Remaining}, {@code
 * -Reset}, {@code RateLimit-Policy}); over the limit it is 429 with {@code Retry-After}. One set of
 * buckets for every way in (the filter chain and the cached-article fast path), bounded in memory
 * and per app instance (ADR 0015); an IPv6 address counts by its /64.
 */
@Component
@EnableConfigurationProperties(AccessProperties.class)
public class PublicApiRateLimits {

    private final RateLimiter limiter;
    /** Built once, so that a rate out of range stops the start, not each request. */
    private final Rate anonymous;

    private final JsonMapper json;
    /** Refusals by {@code limit}: a partner key's own rate, or an address without a key (docs/adr/0017). */
    private final Counter keyRefusals;

    private final Counter addressRefusals;

    @Autowired
    PublicApiRateLimits(AccessProperties properties, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        this(properties, json, System::nanoTime, Meters.registry(meters));
    }

    PublicApiRateLimits(AccessProperties properties, JsonMapper json, LongSupplier nanoTime) {
        this(properties, json, nanoTime, new SimpleMeterRegistry());
    }

    private PublicApiRateLimits(
            AccessProperties properties, JsonMapper json, LongSupplier nanoTime, MeterRegistry meters) {
        this.limiter = new RateLimiter(nanoTime);
        this.anonymous = Rate.perMinute(properties.anonymousPerMinute());
        this.json = json;
        this.keyRefusals = refusals(meters, "partner-key");
        this.addressRefusals = refusals(meters, "address");
    }

    static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("cms.ratelimit.refusals")
                .description("Requests refused by a rate limit, by limit")
                .tag("limit", limit)
                .register(meters);
    }

    /**
     * Counts the request and writes the rate-limit headers.
     *
     * @param key the request's partner key, or null for a request without one
     * @return false when it was refused, with a 429 problem already written
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response, PartnerKey key) throws IOException {
        RateLimiter.Decision decision = key != null
                ? limiter.take("key:" + key.id(), Rate.perMinute(key.requestsPerMinute()))
                : limiter.take("address:" + RateLimiter.addressBucket(request.getRemoteAddr()), anonymous);
        String limit = Integer.toString(decision.limit());
        response.setHeader("RateLimit-Policy", limit + ";w=60");
        response.setHeader("RateLimit-Limit", limit);
        response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(decision.reset())));
        if (decision.allowed()) {
            return true;
        }
        (key != null ? keyRefusals : addressRefusals).increment();
        long retry = Math.max(1, seconds(decision.retryAfter()));
        response.setHeader("Retry-After", Long.toString(retry));
        Problems.write(
                response,
                json,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                (key != null ? "The key " + key.prefix() + " may make " : "Without a key, an address may make ")
                        + decision.limit() + " requests a minute; try again in " + retry + " s.");
        return false;
    }

    /**
     * Charges a partner-key look-up in the database to the address, before the look-up, at the
     * anonymous rate but in a bucket of its own: an address's anonymous reading never keeps a valid
     * key out, and a valid key costs one look-up, after which this instance knows it. Only a refusal
     * writes anything: a 429 problem with Retry-After.
     *
     * @return false when it was refused
     */
    public boolean admitKeyLookUp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RateLimiter.Decision decision =
                limiter.take("key-look-up:" + RateLimiter.addressBucket(request.getRemoteAddr()), anonymous);
        if (decision.allowed()) {
            return true;
        }
        addressRefusals.increment();
        long retry = Math.max(1, seconds(decision.retryAfter()));
        response.setHeader("Retry-After", Long.toString(retry));
        Problems.write(
                response,
                json,
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests",
                "An address may present " + decision.limit()
                        + " keys a minute that are not known here yet; try again in " + retry + " s.");
        return false;
    }

    /** Whole seconds, rounded up: a client that waits that long is never early. */
    private static long seconds(Duration d) {
        return (d.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
