package news.cms.publicapi.media;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaNotFound;
import news.cms.core.media.PublicRendition;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.config.CanonicalUuid;
import news.cms.publicapi.config.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * One rendition of a picture, e.g. {@code /v1/media/<id>/view}: its bytes, under a strong ETag
 * (the SHA-256 of the bytes) and, since a rendition's bytes never change under that ETag, cacheable
 * for a year as immutable. Only renditions of pictures that a live story shows: anything else (an
 * unknown picture or rendition, the original, a draft's picture, a killed story's) is a 404 problem;
 * under embargo only for partners with the embargo scope, and then never kept by shared caches.
 * A moved focal point makes a new 16:9 crop: the ninjs {@code href} carries {@code ?v=} with the
 * first letters of the new digest, so a cached old crop is never served for the new link.
 */
@RestController
class MediaController {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String PRIVATE = CacheControl.noStore().cachePrivate().getHeaderValue();

    private final PublicRenditions renditions;

    MediaController(PublicRenditions renditions) {
        this.renditions = renditions;
    }

    @GetMapping("/v1/media/{id}/{rendition}")
    void rendition(
            @PathVariable String id,
            @PathVariable String rendition,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        if (!CanonicalUuid.matches(id)) {
            throw new MediaNotFound("no picture " + id);
        }
        MediaId mediaId = new MediaId(UUID.fromString(id));
        PublicRendition r = renditions
                .find(mediaId, rendition, PartnerAuthentication.mayReadEmbargoed())
                .orElseThrow(() -> new MediaNotFound("no rendition " + rendition + " of picture " + id));
        write(r, request, response);
    }

    /** The one way this controller and {@link CachedRenditionFilter} answer with a rendition. */
    static void write(PublicRendition r, ServletWebRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, r.embargoed() ? PRIVATE : IMMUTABLE);
        Conditional.write(
                request,
                response,
                r.rendition().contentType(),
                r.bytes(),
                "\"" + r.rendition().sha256() + "\"",
                null);
    }
}
