package news.cms.publicapi.article;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import news.cms.core.article.ArticleId;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The articles' hot path: a plain {@code GET /v1/articles/{id}} of the default representation whose
 * bytes are cached, answered as {@link ArticleController} answers it (a test compares the two).
 */
class CachedArticleFilter extends CachedReadFilter<ArticleRepresentations.Representation> {

    static final String PREFIX = "/v1/articles/";

    private final ArticleRepresentations representations;

    CachedArticleFilter(ArticleRepresentations representations, CachedReads reads) {
        super("/v1/articles/{id}", reads);
        this.representations = representations;
    }

    @Override
    protected ArticleRepresentations.@Nullable Representation cachedFor(
            HttpServletRequest request, @Nullable PartnerKey key) {
        if (request.getQueryString() != null) {
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

    @Override
    protected void write(
            ArticleRepresentations.Representation cached, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ArticleController.write(
                cached,
                MediaType.APPLICATION_JSON,
                NinjsVersion.V2_2,
                new ServletWebRequest(request, response),
                response);
    }
}
