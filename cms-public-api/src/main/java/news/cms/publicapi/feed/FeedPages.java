package news.cms.publicapi.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import news.cms.core.article.ArticleChanged;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import news.cms.core.observability.Meters;
import news.cms.publicapi.config.Encoded;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Serialised feed pages (change-feed pages, Atom, JSON Feed), so that partners polling the same
 * page do no database work. Any article change or new feed entry, in any app, empties it: a page
 * embeds stories as they are now, so almost any change can alter almost any page.
 */
@Component
class FeedPages implements MeterBinder {

    /**
     * The bytes of one page with their validators.
     *
     * @param expires when the page changes without any row changing (an embargo it holds back ends),
     *     or null
     */
    record Page(
            Encoded body,
            @Nullable Instant lastModified,
            @Nullable Instant expires) {

        Page(byte[] bytes, @Nullable Instant lastModified, @Nullable Instant expires) {
            this(Encoded.of(bytes), lastModified, expires);
        }

        byte[] bytes() {
            return body.bytes();
        }

        String etag() {
            return body.etag();
        }
    }

    private static final int MAX_PAGES = 2_000;
    /**
     * A page of 200 full stories is close to a megabyte: a partner walking the whole feed would
     * otherwise fill the heap with pages by the count alone.
     */
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Any notice of an article or a feed entry empties it (a page built meanwhile is not kept). */
    private final NoticedCache<Object, Page> pages = NoticedCache.<Object, Page>watching("article", "feed_entry")
            .maxEntries(MAX_PAGES)
            // Weighed when stored, before any gzip form exists: a quarter more leaves it room.
            .maxSize(MAX_BYTES, page -> page.bytes().length + page.bytes().length / 4)
            .build();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** The cached page for {@code key}, or null (counted as a hit only when found). */
    @Nullable
    Page cached(Object key) {
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            hits.increment();
        }
        return cached;
    }

    /** The cached page for {@code key} (a record naming the page), else {@code build}'s. */
    Page get(Object key, Supplier<Page> build) {
        Page cached = pages.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        misses.increment();
        long stamp = pages.stamp();
        Page fresh = build.get();
        pages.putIfUnchanged(key, fresh, stamp, fresh.expires());
        return fresh;
    }

    /** {@code cache.gets{cache="feed-pages"}} (docs/adr/0017). */
    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.bindCacheGets(registry, "feed-pages", hits, misses);
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
