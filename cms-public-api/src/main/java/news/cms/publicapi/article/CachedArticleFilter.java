package news.cms.publicapi.article;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.cms.core.article.ArticleId;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.config.InvalidInput;
import news.cms.publicapi.cors.ReaderCors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The readers' hot path: a plain {@code GET /v1/articles/{id}} without a key, whose bytes are
 * cached, is answered here, before Spring Security's chain and Spring MVC, with the same rate
 * limit, CORS, headers and bytes as {@link ArticleController} (a test compares the two). Everything else
 * (a key, a query, another Accept, a cache miss) goes the full way, which also fills the cache.
 * Measured with bench/public-api: the filter chain and MVC cost about a third of a cached read.
 */
class CachedArticleFilter extends OncePerRequestFilter {

    static final String PREFIX = "/v1/articles/";
    static final String PATTERN = "/v1/articles/{id}";

    private final ArticleRepresentations representations;
    private final PublicApiRateLimits limits;
    private final ReaderCors cors;

    CachedArticleFilter(ArticleRepresentations representations, PublicApiRateLimits limits, ReaderCors cors) {
        this.representations = representations;
        this.limits = limits;
        this.cors = cors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ArticleRepresentations.Representation cached = plainRead(request);
        if (cached == null) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
        if (!cors.admit(request, response) || !limits.admit(request, response, null)) {
            return;
        }
        // What Spring Security's header writer adds on the full way.
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        ArticleController.write(
                cached,
                MediaType.APPLICATION_JSON,
                NinjsVersion.V2_2,
                new ServletWebRequest(request, response),
                response);
    }

    /** The cached story for a keyless GET of the default representation, else null. */
    private ArticleRepresentations.Representation plainRead(HttpServletRequest request) {
        // HEAD, a key, a query or a precondition that may fail (412 is a problem, written by MVC's
        // advice) go the full way.
        if (!"GET".equals(request.getMethod())
                || request.getQueryString() != null
                || request.getHeader(ApiKeyFilter.HEADER) != null
                || request.getHeader(HttpHeaders.IF_MATCH) != null
                || request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null) {
            return null;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.equals("*/*") && !accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || uri.indexOf('/', PREFIX.length()) >= 0) {
            return null;
        }
        ArticleId id;
        try {
            id = NinjsMapper.idOf(uri.substring(PREFIX.length()));
        } catch (InvalidInput e) {
            return null; // the controller answers with the problem
        }
        return representations.cached(id, NinjsVersion.V2_2);
    }
}
