package news.cms.publicapi.article;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.access.ApiKeyFilter;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.config.Conditional;
import news.cms.publicapi.config.ETags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * An article's other language versions that readers may see now (docs/adr/0019), as JSON. The
 * article itself answers by the rules of {@code /v1/articles/{id}} (404 unless readable by this
 * caller, 410 when killed), and the list is the one its ninjs {@code associations} carry, with
 * the same validators.
 */
@RestController
class TranslationsController {

    private static final String VARY = HttpHeaders.ACCEPT + ", " + ApiKeyFilter.HEADER;

    /** The list, for the wire. */
    record Translations(String uri, List<Sibling> translations) {}

    /** One sibling: its ninjs uri and id, language, headline, relation and where to read it. */
    record Sibling(String uri, String id, String language, String headline, String rel, String href) {}

    private final ArticleRepresentations representations;
    private final TranslationService translations;
    private final JsonMapper json;
    private final Clock clock;

    TranslationsController(
            ArticleRepresentations representations, TranslationService translations, JsonMapper json, Clock clock) {
        this.representations = representations;
        this.translations = translations;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/articles/{id}/translations")
    void translations(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            ServletWebRequest request,
            HttpServletResponse response)
            throws HttpMediaTypeNotAcceptableException, IOException {
        ArticleId articleId = NinjsMapper.idOf(id);
        if (ArticleController.accepted(accept).stream().noneMatch(t -> t.includes(MediaType.APPLICATION_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        // The article's own rules first: not found, embargoed for this caller, killed.
        ArticleRepresentations.Representation article =
                representations.get(articleId, NinjsVersion.V2_2, PartnerAuthentication.mayReadEmbargoed());
        Instant now = clock.instant();
        List<Sibling> siblings = translations.publishedSiblings(articleId).stream()
                .filter(a -> a.isReadableAt(now))
                .map(a -> new Sibling(
                        NinjsMapper.uri(a.id()),
                        a.id().toString(),
                        a.language().value(),
                        a.headline(),
                        NinjsTranslations.REL,
                        "/v1/articles/" + a.id()))
                .toList();
        byte[] bytes = json.writeValueAsBytes(new Translations(NinjsMapper.uri(articleId), siblings));
        response.setHeader(
                HttpHeaders.CACHE_CONTROL,
                article.embargoed()
                        ? CacheControl.noStore().cachePrivate().getHeaderValue()
                        : CacheControl.noCache().cachePublic().getHeaderValue());
        response.addHeader(HttpHeaders.VARY, VARY);
        // The article's Last-Modified already counts its siblings' changes (ArticleRepresentations).
        Conditional.write(
                request,
                response,
                MediaType.APPLICATION_JSON_VALUE,
                bytes,
                ETags.strong(bytes),
                article.lastModified());
    }
}
