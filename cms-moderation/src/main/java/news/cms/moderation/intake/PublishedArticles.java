package news.cms.moderation.intake;

import java.util.List;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
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
    private final NoticedCache<ArticleId, Optional<Article>> known =
            NoticedCache.<ArticleId, Optional<Article>>watching("article")
                    .evictingKeys(id -> List.of(ArticleId.parse(id)))
                    .maxEntries(MAX_ENTRIES)
                    .build();

    PublishedArticles(ArticleService articles) {
        this.articles = articles;
    }

    /** The article if it is published now (under embargo or not: the caller decides). */
    Optional<Article> find(ArticleId id) {
        return known.get(id, articles::findPublished);
    }

    @EventListener
    void on(ChangeNotice notice) {
        known.on(notice);
    }
}
