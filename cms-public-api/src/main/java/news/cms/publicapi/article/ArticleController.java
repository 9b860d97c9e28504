package news.cms.publicapi.article;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.config.AcceptHeader;
import news.cms.publicapi.config.Conditional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * One article, by its id or its ninjs {@code uri} ({@code urn:newsroom-cms:article:<id>}), as IPTC ninjs: 2.2 by default, 3.1 with {@code ?ninjs=3.1} or an Accept {@code
 * profile} naming the 3.1 schema (see {@link NinjsVersion}).
 *
 * <p>Media types: {@code application/json} (the default, also for {@code *}{@code /*} or no
 * Accept) and {@code application/ninjs+json} (not registered with IANA, but what partners ask for);
 * the same bytes either way, with a {@code profile} parameter naming the schema. Anything else is
 * 406.
 *
 * <p>Status: 200 for a published article whose embargo (if any) has passed, or under embargo for
 * a partner key with the {@code EMBARGOED} scope (with its {@code embargoed} time, and never
 * stored by shared caches); 404 for an unknown id, an article never published, one under embargo
 * for anyone else, and an unpublished one: unpublishing withholds a
 * story, and a reader is not told more about it than about one that never existed; 410 for a
 * killed article, with the kill notice in the problem detail and never its text, so that partners
 * who hold a copy learn that they must take it down; 400 for an id that is not a canonical
 * lowercase UUID, a ninjs version we do not serve or a malformed Accept; 412 when If-Match or
 * If-Unmodified-Since fail.
 *
 * <p>Caching: a strong ETag (the hash of the bytes) and Last-Modified (the article's last change,
 * or the end of its embargo if that came later),
 * so {@code If-None-Match} and {@code If-Modified-Since} get 304; {@code Cache-Control: no-cache}
 * makes shared caches revalidate, so a kill takes effect at once.
 */
@RestController
class ArticleController {

    static final MediaType NINJS = MediaType.parseMediaType("application/ninjs+json");
    private static final String VARY = HttpHeaders.ACCEPT + ", " + ApiKeyFilter.HEADER;
    private static final String PUBLIC = CacheControl.noCache().cachePublic().getHeaderValue();
    private static final String PRIVATE = CacheControl.noStore().cachePrivate().getHeaderValue();

    private final ArticleRepresentations representations;

    ArticleController(ArticleRepresentations representations) {
        this.representations = representations;
    }

    @GetMapping("/v1/articles/{id}")
    void article(
            @PathVariable String id,
            @RequestParam(name = "ninjs", required = false) @Nullable String ninjs,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            ServletWebRequest request,
            HttpServletResponse response)
            throws HttpMediaTypeNotAcceptableException, IOException {
        ArticleId articleId = NinjsMapper.idOf(id);
        List<MediaType> accepted = accepted(accept);
        MediaType type = negotiate(accepted);
        NinjsVersion version = NinjsVersion.choose(
                ninjs, accepted.stream().filter(t -> t.includes(type)).toList());
        ArticleRepresentations.Representation r =
                representations.get(articleId, version, PartnerAuthentication.mayReadEmbargoed());
        write(r, type, version, request, response);
    }

    /**
     * Writes a representation: its headers always, its bytes unless the request's validators match
     * (then 304). The one way both this controller and {@link CachedArticleFilter} answer.
     */
    static void write(
            ArticleRepresentations.Representation r,
            MediaType type,
            NinjsVersion version,
            ServletWebRequest request,
            HttpServletResponse response)
            throws IOException {
        // An embargoed story is for the partner's eyes only: no shared cache may keep it.
        response.setHeader(HttpHeaders.CACHE_CONTROL, r.embargoed() ? PRIVATE : PUBLIC);
        // Added, not set: CORS has put its own Vary values before.
        response.addHeader(HttpHeaders.VARY, VARY);
        // The bytes are written here, not through a ResponseEntity, whose handling parses our own
        // Last-Modified header back to check it again (measured with bench/public-api: a tenth of a
        // cached read's CPU).
        Conditional.write(
                request,
                response,
                type == MediaType.APPLICATION_JSON ? version.jsonType() : version.ninjsType(),
                r.body(),
                r.lastModified());
    }

    /** The Accept header's types, most wanted first; none means anything. */
    static List<MediaType> accepted(@Nullable String accept) {
        List<MediaType> types = AcceptHeader.parse(accept);
        return types.stream()
                .filter(t -> t.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
    }

    /** JSON where the client takes it (also through a wildcard), else ninjs+json, else 406. */
    static MediaType negotiate(List<MediaType> accepted) throws HttpMediaTypeNotAcceptableException {
        for (MediaType t : accepted) {
            if (t.includes(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
            if (t.includes(NINJS)) {
                return NINJS;
            }
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON, NINJS));
    }
}
