package news.cms.publicapi.feed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import news.cms.publicapi.config.AcceptHeader;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Feed readers' hot path: a keyless {@code GET /v1/feed.atom} (its newest page, of all languages
 * or one by {@code ?lang=}, or an archive page by {@code ?before=}) or {@code GET /v1/feed.json} that
 * {@link FeedPages} holds, answered as {@link FeedController} answers it (a test compares the two).
 * One instance per route, so that each is timed under its own path. Any other query, a malformed
 * Accept or a miss goes the full way.
 */
final class CachedSyndicationFilter extends CachedReadFilter<FeedPages.Page> {

    static final String ATOM = "/v1/feed.atom";
    static final String JSON_FEED = "/v1/feed.json";
    private static final Set<String> ATOM_PARAMETERS = Set.of("lang", "before");

    private final String path;
    private final FeedPages pages;
    private final FeedCursor cursors;

    private CachedSyndicationFilter(String path, FeedPages pages, FeedCursor cursors, CachedReads reads) {
        super(path, reads);
        this.path = path;
        this.pages = pages;
        this.cursors = cursors;
    }

    static CachedSyndicationFilter atom(FeedPages pages, FeedCursor cursors, CachedReads reads) {
        return new CachedSyndicationFilter(ATOM, pages, cursors, reads);
    }

    static CachedSyndicationFilter jsonFeed(FeedPages pages, FeedCursor cursors, CachedReads reads) {
        return new CachedSyndicationFilter(JSON_FEED, pages, cursors, reads);
    }

    @Override
    protected FeedPages.@Nullable Page cachedFor(HttpServletRequest request, @Nullable PartnerKey key) {
        if (!path.equals(request.getRequestURI())) {
            return null;
        }
        try {
            AcceptHeader.parse(request.getHeader(HttpHeaders.ACCEPT)); // a malformed one is a 400
            return pages.cached(path.equals(ATOM) ? atomKey(request) : FeedController.Syndication.JSON_FEED);
        } catch (InvalidInput | InvalidFeedRequest | NotPlain e) {
            return null; // the full way answers
        }
    }

    private Object atomKey(HttpServletRequest request) {
        Map<String, String> query = plainQuery(request.getQueryString(), ATOM_PARAMETERS);
        if (query == null) {
            throw new NotPlain();
        }
        String before = query.get("before");
        return new FeedController.AtomKey(
                FeedController.atomLanguage(query.get("lang")), before == null ? null : cursors.decodeArchive(before));
    }

    @Override
    protected void write(FeedPages.Page page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FeedController.syndication(
                path.equals(ATOM) ? FeedController.ATOM : FeedController.JSON_FEED,
                page,
                new ServletWebRequest(request, response),
                response);
    }

    /** A query the full way reads. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }
}
