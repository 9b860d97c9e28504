package news.cms.core.feed.internal;

import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.feed.FeedAction;
import news.cms.core.feed.FeedEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends a feed entry for every public {@link ArticleChanged}. A plain, synchronous
 * {@code @EventListener}: it runs inside the command's transaction, so the entry commits or rolls
 * back with the change, and the feed depends on articles, never the other way round.
 */
@Component
class FeedRecorder {

    private final FeedRepository feed;
    private final ArticleService articles;

    FeedRecorder(FeedRepository feed, ArticleService articles) {
        this.feed = feed;
        this.articles = articles;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ArticleChanged event) {
        FeedAction.of(event.action(), event.state()).ifPresent(action -> {
            PublicArticle now = articles.findPublic(event.articleId())
                    .orElseThrow(() -> new IllegalStateException(
                            "a " + action + " of " + event.articleId() + " left nothing public"));
            String notice = now instanceof PublicArticle.Killed k ? k.reason() : null;
            feed.append(new FeedEntry(
                    feed.nextSequence(),
                    event.articleId(),
                    action,
                    event.version(),
                    now.publicVersion(),
                    now.language(),
                    event.at(),
                    notice));
        });
    }
}
