package news.cms.publicapi.feed;

import java.time.Instant;
import java.util.function.Supplier;
import news.cms.core.article.ArticleChanged;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Serialised feed pages (change-feed pages, Atom, JSON Feed), so that partners polling the same
 * page do no database work. Any article change or new feed entry, in any app, empties it: a page
 * embeds stories as they are now, so almost any change can alter almost any page.
 */
@Component
class FeedPages {

    /**
     * The bytes of one page with their validators.
     *
     * @param expires when the page changes without any row changing (an embargo it holds back ends),
     *     or null
     */
    record Page(
            byte[] bytes,
            String etag,
            @Nullable Instant lastModified,
            @Nullable Instant expires) {}

    private static final int MAX_PAGES = 2_000;
    /**
     * A page of 200 full stories is close to a megabyte: a partner walking the whole feed would
     * otherwise fill the heap with pages by the count alone.
     */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Any notice of an article or a feed entry empties it (a page built meanwhile is not kept). */
    private final NoticedCache<Object, Page> pages = NoticedCache.<Object, Page>watching("article", "feed_entry")
            .maxEntries(MAX_PAGES)
            .maxSize(MAX_BYTES, page -> page.bytes().length)
            .build();

    /** The cached page for {@code key} (a record naming the page), else {@code build}'s. */
    Page get(Object key, Supplier<Page> build) {
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long stamp = pages.stamp();
        Page fresh = build.get();
        pages.putIfUnchanged(key, fresh, stamp, fresh.expires());
        return fresh;
    }

    @EventListener
    void on(ChangeNotice notice) {
        pages.on(notice);
    }

    @EventListener
    void on(ArticleChanged event) {
        NoticedCache.nowAndAfterTransaction(pages::clear);
    }
}
