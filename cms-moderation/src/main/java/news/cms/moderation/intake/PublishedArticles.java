package news.cms.moderation.intake;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.notice.ChangeNotice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Published articles as the intake last read them: every comment names one, and a busy story
 * takes hundreds a minute. Articles change in the editor's JVM; its commits reach this one as
 * change notices, which evict the article (a lost listening connection empties everything).
 */
@Component
class PublishedArticles {

    private static final int MAX_ENTRIES = 10_000;

    private final ArticleService articles;
    private final ConcurrentHashMap<ArticleId, Optional<Article>> known = new ConcurrentHashMap<>();
    /** Bumped by every notice; a read that raced with one does not keep its result. */
    private final AtomicLong generation = new AtomicLong();

    PublishedArticles(ArticleService articles) {
        this.articles = articles;
    }

    /** The article if it is published now (under embargo or not: the caller decides). */
    Optional<Article> find(ArticleId id) {
        Optional<Article> cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        Optional<Article> loaded = articles.findPublished(id);
        if (known.size() >= MAX_ENTRIES) {
            known.clear();
        }
        known.put(id, loaded);
        if (generation.get() != before) {
            known.remove(id, loaded);
        }
        return loaded;
    }

    @EventListener
    void on(ChangeNotice notice) {
        if (notice.affectsAll("article")) {
            generation.incrementAndGet();
            known.clear();
        } else if (notice.table().equals("article") && notice.id() != null) {
            generation.incrementAndGet();
            known.remove(ArticleId.parse(notice.id()));
        }
    }
}
