package news.cms.publicapi.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.cms.publicapi.cors.ReaderCors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * A readers' hot path: a plain keyless {@code GET} whose answer is cached is written here, before
 * Spring Security's chain and Spring MVC, with the same rate limit, CORS, headers and bytes as its
 * controller. Everything else (a key, another query or Accept, a cache miss) goes the full way, which
 * also fills the cache. Measured with bench/public-api and bench/media: the filter chain and MVC cost
 * about a third of a cached read.
 *
 * @param <T> the cached answer
 */
public abstract class CachedReadFilter<T> extends OncePerRequestFilter {

    private final String pattern;
    private final PublicApiRateLimits limits;
    private final ReaderCors cors;

    /**
     * @param pattern the route's path pattern, as the full way names it in metrics
     */
    protected CachedReadFilter(String pattern, PublicApiRateLimits limits, ReaderCors cors) {
        this.pattern = pattern;
        this.limits = limits;
        this.cors = cors;
    }

    /** The filter registered for the paths under {@code prefix}, just before Spring Security's chain. */
    public static <F extends CachedReadFilter<?>> FilterRegistrationBean<F> registered(F filter, String prefix) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(prefix + "*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        T cached = plainGet(request) ? cachedFor(request) : null;
        if (cached == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        if (!cors.admit(request, response) || !limits.admit(request, response, null)) {
            return;
        }
        // What Spring Security's header writer adds on the full way.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        write(cached, request, response);
    }

    /**
     * A keyless GET without a precondition that may fail: HEAD, a key, {@code If-Match} or {@code
     * If-Unmodified-Since} (412 is a problem, written by MVC's advice) go the full way.
     */
    private static boolean plainGet(HttpServletRequest request) {
        return "GET".equals(request.getMethod())
                && request.getHeader(ApiKeyFilter.HEADER) == null
                && request.getHeader(HttpHeaders.IF_MATCH) == null
                && request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) == null;
    }

    /** The cached answer to this plain GET (its path, query and Accept as the route takes them), or null. */
    protected abstract @Nullable T cachedFor(HttpServletRequest request);

    /** Writes the answer as the controller would, 304 included. */
    protected abstract void write(T cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException;
}
