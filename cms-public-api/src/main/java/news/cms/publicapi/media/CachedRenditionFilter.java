package news.cms.publicapi.media;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import news.cms.core.media.MediaId;
import news.cms.core.media.PublicRendition;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.cors.ReaderCors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The pictures' hot path: a plain {@code GET /v1/media/{id}/{rendition}} (optionally {@code ?v=}) of
 * a rendition everyone may see and {@link PublicRenditions} holds, answered as {@link MediaController}
 * answers it (docs/adr/0032).
 */
class CachedRenditionFilter extends CachedReadFilter<PublicRendition> {

    static final String PREFIX = "/v1/media/";
    private static final Pattern VERSION = Pattern.compile("v=[0-9a-f]{1,64}");

    private final PublicRenditions renditions;

    CachedRenditionFilter(PublicRenditions renditions, PublicApiRateLimits limits, ReaderCors cors) {
        super("/v1/media/{id}/{rendition}", limits, cors);
        this.renditions = renditions;
    }

    @Override
    protected @Nullable PublicRendition cachedFor(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && !VERSION.matcher(query).matches()) {
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

    @Override
    protected void write(PublicRendition cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MediaController.write(cached, new ServletWebRequest(request, response), response);
    }
}
