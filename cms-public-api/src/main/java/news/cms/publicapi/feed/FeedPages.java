package news.cms.publicapi.feed;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import news.cms.core.article.ArticleChanged;
import news.cms.core.notice.ChangeNotice;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serialised feed pages (change-feed pages, Atom, JSON Feed), so that partners polling the same
 * page do no database work. Any article change or new feed entry, in any app, empties it: a page
 * embeds stories as they are now, so almost any change can alter almost any page.
 */
@Component
class FeedPages {

    /** The bytes of one page with their validators. */
    record Page(byte[] bytes, String etag, @Nullable Instant lastModified) {}

    private static final int MAX_PAGES = 2_000;

    private final ConcurrentHashMap<Object, Page> pages = new ConcurrentHashMap<>();
    /** Bumped by every change; a page built while one happened is not kept. */
    private final AtomicLong generation = new AtomicLong();

    /** The cached page for {@code key} (a record naming the page), else {@code build}'s. */
    Page get(Object key, Supplier<Page> build) {
        Page cached = pages.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Page built = build.get();
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, built);
        if (generation.get() != before) {
            pages.remove(key, built);
        }
        return built;
    }

    @EventListener
    void on(ChangeNotice notice) {
        if (notice.affectsAll("article")
                || notice.table().equals("article")
                || notice.table().equals("feed_entry")) {
            clear();
        }
    }

    @EventListener
    void on(ArticleChanged event) {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        pages.clear();
    }
}
