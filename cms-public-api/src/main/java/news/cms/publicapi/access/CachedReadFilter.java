package news.cms.publicapi.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import news.cms.core.partnerkey.PartnerKey;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A hot path: a plain {@code GET} whose answer is cached is written here, right after the request id
 * is given, before the request observation, the bulkhead, Spring Security's chain and Spring MVC,
 * with the same rate limit, CORS, headers and bytes as its controller, and timed under the same
 * {@code http.server.requests} meter. Everything else (another query or Accept, a key this instance
 * would have to look up, a cache miss) goes the full way, which also fills the cache. Measured with
 * bench/public-api (JFR): the filters in front of Spring Security cost about a third of a cached
 * read, and Spring Security and MVC the most of a keyed feed page's.
 *
 * <p>The bulkhead ({@code ConcurrencyLimitFilter}) does not count these reads: they wait on nothing,
 * and answering them from memory is what keeps the API up while the database is not.
 *
 * @param <T> the cached answer
 */
public abstract class CachedReadFilter<T> extends OncePerRequestFilter {

    /**
     * After {@code RequestIdFilter} and Spring's encoding filter (both first), before the request
     * observation, which {@code HttpEdgeConfiguration} moves behind this one.
     */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    private final CachedReads reads;
    private final CachedReads.Timers timers;

    /**
     * @param pattern the route's path pattern, as the full way names it in metrics
     */
    protected CachedReadFilter(String pattern, CachedReads reads) {
        this.reads = reads;
        this.timers = reads.timers(pattern);
    }

    /** The filter registered for a servlet URL pattern ({@code /v1/articles/*}, {@code /v1/feed}). */
    public static <F extends CachedReadFilter<?>> FilterRegistrationBean<F> registered(F filter, String urlPattern) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(ORDER);
        return registration;
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        if (!plainGet(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader(ApiKeyFilter.HEADER);
        PartnerKey key = null;
        if (presented != null && (!takesKeys() || (key = reads.knownValidKey(presented)) == null)) {
            chain.doFilter(request, response);
            return;
        }
        T cached = cachedFor(request, key);
        if (cached == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!reads.cors.admit(request, response) || !reads.limits.admit(request, response, key)) {
                return;
            }
            // What Spring Security's header writer adds on the full way.
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-XSS-Protection", "0");
            response.setHeader("X-Frame-Options", "DENY");
            write(cached, request, response);
        } finally {
            timers.record(response.getStatus(), started);
        }
    }

    /**
     * A GET without a precondition that may fail: HEAD, {@code If-Match} or {@code
     * If-Unmodified-Since} (412 is a problem, written by MVC's advice) go the full way.
     */
    private static boolean plainGet(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getHeader(HttpHeaders.IF_MATCH) == null
                && request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) == null;
    }

    /**
     * Whether a request with a partner key may be answered here. When not (the default), every
     * request with a key goes the full way; when so, one whose key this instance knows is valid comes
     * to {@link #cachedFor} with it.
     */
    protected boolean takesKeys() {
        return false;
    }

    /**
     * The cached answer to this plain GET (its path, query and Accept as the route takes them), or null.
     *
     * @param key the request's valid partner key, or null for a request without one
     */
    protected abstract @Nullable T cachedFor(HttpServletRequest request, @Nullable PartnerKey key);

    /**
     * A query of the named parameters only, each at most once and with a value, none escaped
     * ({@code %} or {@code +}): the parameters by name (empty for no query); else null, for a request
     * the full way should read.
     */
    protected static @Nullable Map<String, String> plainQuery(@Nullable String query, Set<String> names) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>(4);
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1 || pair.indexOf('%') >= 0 || pair.indexOf('+') >= 0) {
                return null;
            }
            String name = pair.substring(0, eq);
            if (!names.contains(name) || parameters.putIfAbsent(name, pair.substring(eq + 1)) != null) {
                return null;
            }
        }
        return parameters;
    }

    /** Writes the answer as the controller would, 304 included. */
    protected abstract void write(T cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
