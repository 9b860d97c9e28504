package news.cms.publicapi.media;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import news.cms.core.media.MediaId;
import news.cms.core.media.PublicRendition;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import news.cms.publicapi.config.CanonicalUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The pictures' hot path: a plain {@code GET /v1/media/{id}/{rendition}} (optionally {@code ?v=}) of
 * a rendition everyone may see and {@link PublicRenditions} holds, answered as {@link MediaController}
 * answers it (docs/adr/0032).
 */
class CachedRenditionFilter extends CachedReadFilter<PublicRendition> {

    static final String PREFIX = "/v1/media/";

    private final PublicRenditions renditions;

    CachedRenditionFilter(PublicRenditions renditions, CachedReads reads) {
        super("/v1/media/{id}/{rendition}", reads);
        this.renditions = renditions;
    }

    @Override
    protected @Nullable PublicRendition cachedFor(HttpServletRequest request, @Nullable PartnerKey key) {
        String query = request.getQueryString();
        if (query != null && !version(query)) {
            return null;
        }
        String uri = request.getRequestURI();
        int slash = uri.indexOf('/', PREFIX.length());
        if (!uri.startsWith(PREFIX) || slash < 0 || uri.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        String id = uri.substring(PREFIX.length(), slash);
        if (!CanonicalUuid.matches(id)) {
            return null; // the controller answers with the problem
        }
        return renditions.cached(new MediaId(UUID.fromString(id)), uri.substring(slash + 1));
    }

    /** {@code v=} and 1 to 64 lower-case hex digits, the only query a versioned URL has. */
    private static boolean version(String query) {
        int length = query.length();
        if (length < 3 || length > 66 || !query.startsWith("v=")) {
            return false;
        }
        for (int i = 2; i < length; i++) {
            char c = query.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void write(PublicRendition cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MediaController.write(cached, new ServletWebRequest(request, response), response);
    }
}
