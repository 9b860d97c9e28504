package news.cms.publicapi.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The partners' hot path: {@code GET /v1/feed} with a key this instance knows, holding the {@code
 * FEED} scope, asking for a page (by {@code cursor} and {@code limit} only, in ninjs 2.2) that {@link
 * FeedPages} holds, answered as {@link FeedController} answers it (a test compares the two). Any
 * other query ({@code cursor=now}, {@code since}, {@code lang}, {@code section}, {@code ninjs}, an
 * escaped character), a key without the scope, or a miss goes the full way, whose answer (a page, a
 * 400, 401 or 403 problem) fills the cache or explains the refusal.
 */
class CachedFeedFilter extends CachedReadFilter<FeedPages.Page> {

    static final String PATH = "/v1/feed";

    private static final Set<String> PARAMETERS = Set.of("cursor", "limit");

    private final FeedPages pages;
    private final FeedCursor cursors;

    CachedFeedFilter(FeedPages pages, FeedCursor cursors, CachedReads reads) {
        super(PATH, reads);
        this.pages = pages;
        this.cursors = cursors;
    }

    @Override
    protected boolean takesKeys() {
        return true;
    }

    @Override
    protected FeedPages.@Nullable Page cachedFor(HttpServletRequest request, @Nullable PartnerKey key) {
        if (key == null || !key.has(PartnerScope.FEED) || !PATH.equals(request.getRequestURI())) {
            return null;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.equals("*/*") && !accept.equals(MediaType.APPLICATION_JSON_VALUE)) {
            return null;
        }
        Map<String, String> query = plainQuery(request.getQueryString(), PARAMETERS);
        if (query == null) {
            return null;
        }
        String cursor = query.get("cursor");
        if (FeedController.NOW.equals(cursor)) {
            return null;
        }
        long after;
        int size;
        try {
            after = cursor == null ? 0 : cursors.decode(cursor);
            size = FeedController.limit(query.get("limit"));
        } catch (InvalidInput | InvalidFeedRequest e) {
            return null; // the full way answers with the problem
        }
        return pages.cached(new FeedController.ChangesKey(
                after, size, NinjsVersion.V2_2, key.has(PartnerScope.EMBARGOED), FeedController.Filter.ALL));
    }

    @Override
    protected void write(FeedPages.Page page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FeedController.respondWithChanges(page, new ServletWebRequest(request, response), response);
    }
}
