package news.cms.publicapi.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.publicapi.config.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each {@code /v1} request against the key's own rate, or without a key against its
 * address's. Every answer says where the caller stands ({@code RateLimit-Limit}, {@code
 * -Remaining}, {@code -Reset}, {@code RateLimit-Policy}); over the limit it is 429 with {@code
 * Retry-After}.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final AccessProperties properties;
    private final JsonMapper json;

    public RateLimitFilter(AccessProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PartnerKey key = PartnerAuthentication.current().orElse(null);
        RateLimiter.Decision decision = key != null
                ? limiter.take("key:" + key.id(), key.requestsPerMinute())
                : limiter.take("address:" + request.getRemoteAddr(), properties.anonymousPerMinute());
        response.setHeader("RateLimit-Policy", decision.limit() + ";w=60");
        response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(decision.reset())));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
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
    }

    /** Whole seconds, rounded up: a client that waits that long is never early. */
    private static long seconds(Duration d) {
        return (d.toNanos() + 999_999_999L) / 1_000_000_000L;
    }
}
