package news.cms.publicapi.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulkhead: at most {@code maxConcurrent} {@code /v1} requests are served at once, and one that
 * finds no place within {@code maxWait} gets 503 {@code overloaded} with {@code Retry-After} at
 * once. With a virtual thread per request nothing else bounds the requests in flight: under a flood
 * (or with the database stalled) each would wait on the pool, holding its request and buffers, until
 * the heap filled; refusing early keeps latency and memory bounded and tells clients to come back.
 */
public final class ConcurrencyLimitFilter implements Filter {

    private final Semaphore places;
    private final int maxConcurrent;
    private final long maxWaitNanos;
    private final JsonMapper json;
    private final ProblemDetail refusal;
    private final Counter refusals;

    public ConcurrencyLimitFilter(ConcurrencyLimitProperties properties, JsonMapper json, MeterRegistry meters) {
        this.maxConcurrent = properties.maxConcurrent();
        this.places = new Semaphore(maxConcurrent);
        this.maxWaitNanos = properties.maxWait().toNanos();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The API is answering as many requests as it can at once; try again in 1 s.");
        problem.setType(URI.create(Problems.TYPE_BASE + "overloaded"));
        problem.setTitle("Too busy");
        problem.setProperty("retryAfterSeconds", 1);
        this.json = json;
        this.refusal = problem;
        this.refusals = Counter.builder("cms.ratelimit.refusals")
                .description("Requests refused by a rate limit, by limit")
                .tag("limit", "concurrency")
                .register(meters);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = maxWaitNanos == 0 ? places.tryAcquire() : places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refusals.increment();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader(HttpHeaders.RETRY_AFTER, "1");
            http.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            Problems.write(http, Problems.bytes(json, refusal), HttpStatus.SERVICE_UNAVAILABLE.value());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** Requests being served now. */
    public int inFlight() {
        return maxConcurrent - places.availablePermits();
    }
}
