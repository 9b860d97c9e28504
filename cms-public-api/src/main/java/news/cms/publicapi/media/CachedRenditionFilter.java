package news.cms.publicapi.media;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import news.cms.core.media.MediaId;
import news.cms.core.media.PublicRendition;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.cors.ReaderCors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The pictures' hot path, as {@code CachedArticleFilter} is the articles': a plain {@code GET
 * /v1/media/{id}/{rendition}} (optionally {@code ?v=}) without a key, of a rendition everyone may see
 * and {@link PublicRenditions} holds, is answered here, before Spring Security's chain and Spring MVC,
 * with the same rate limit, CORS, headers and bytes as {@link MediaController}. Everything else goes
 * the full way, which also fills the cache. Measured with bench/media (docs/adr/0032).
 */
class CachedRenditionFilter extends OncePerRequestFilter {

    static final String PREFIX = "/v1/media/";
    static final String PATTERN = "/v1/media/{id}/{rendition}";
    private static final Pattern VERSION = Pattern.compile("v=[0-9a-f]{1,64}");

    private final PublicRenditions renditions;
    private final PublicApiRateLimits limits;
    private final ReaderCors cors;

    CachedRenditionFilter(PublicRenditions renditions, PublicApiRateLimits limits, ReaderCors cors) {
        this.renditions = renditions;
        this.limits = limits;
        this.cors = cors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PublicRendition cached = plainRead(request);
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
        MediaController.write(cached, new ServletWebRequest(request, response), response);
    }

    /** The cached rendition for a keyless GET, else null. */
    private @Nullable PublicRendition plainRead(HttpServletRequest request) {
        // HEAD, a key, another query or a precondition that may fail (412, written by MVC's advice)
        // go the full way.
        String query = request.getQueryString();
        if (!"GET".equals(request.getMethod())
                || (query != null && !VERSION.matcher(query).matches())
                || request.getHeader(ApiKeyFilter.HEADER) != null
                || request.getHeader(HttpHeaders.IF_MATCH) != null
                || request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null) {
            return null;
        }
        String uri = request.getRequestURI();
        int slash = uri.indexOf('/', PREFIX.length());
        if (!uri.startsWith(PREFIX) || slash < 0 || uri.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String id = uri.substring(PREFIX.length(), slash);
        if (!MediaController.CANONICAL_UUID.matcher(id).matches()) {
            return null; // the controller answers with the problem
        }
        return renditions.cached(new MediaId(UUID.fromString(id)), uri.substring(slash + 1));
    }
}
