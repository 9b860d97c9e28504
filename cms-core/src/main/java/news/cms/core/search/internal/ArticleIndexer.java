package news.cms.core.search.internal;

import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.search.SearchAdmin;
import news.cms.core.translation.TranslationChanged;
import news.cms.core.translation.TranslationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Follows article events from the outbox into the search index. A failure leaves the event
 * publication incomplete, so it is delivered again.
 */
@Component
class ArticleIndexer {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

    private final ArticleService articles;
    private final ArticleIndex index;
    private final TranslationService translations;

    ArticleIndexer(ArticleService articles, ArticleIndex index, TranslationService translations) {
        this.articles = articles;
        this.index = index;
        this.translations = translations;
    }

    /** Creates (and fills) the index early; when the engine is down the first write creates it instead. */
    @EventListener(ApplicationReadyEvent.class)
    void createIndex(ApplicationReadyEvent ready) {
        try {
            ready.getApplicationContext().getBean(SearchAdmin.class).ensureIndex();
        } catch (RuntimeException e) {
            log.warn("search index not ready yet ({}); it is created on the first write", e.getMessage());
        }
    }

    /**
     * A published article is (re)indexed; any other state removes it from the index. Outside a
     * transaction (as the group's re-indexing below): the look-up borrows a connection for its own
     * statement only, so a slow or frozen search engine holds threads, never the database's
     * connections, and publishing carries on (a listener per commit, each waiting on the engine
     * inside a transaction, emptied the pool of 10).
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ArticleChanged event) {
        try {
            log.debug("indexing {}", event);
            articles.findPublished(event.articleId())
                    .ifPresentOrElse(index::put, () -> index.remove(event.articleId(), event.version()));
        } catch (RuntimeException e) {
            // Rethrown so the publication stays incomplete and the outbox delivers it again.
            log.warn("indexing {} failed ({}); the outbox will deliver it again", event.articleId(), e.toString());
            throw e;
        }
    }

    /**
     * A new translation: its group's published versions are written again, for the first one makes
     * the group and so changes its source's {@code story} without changing the source itself.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TranslationChanged event) {
        if (event.kind() != TranslationChanged.Kind.CREATED) {
            return;
        }
        try {
            for (ArticleId member : translations.groupMembers(event.articleId())) {
                articles.findPublished(member).ifPresent(index::put);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "re-indexing the group of {} failed ({}); the outbox will deliver it again",
                    event.articleId(),
                    e.toString());
            throw e;
        }
    }
}
