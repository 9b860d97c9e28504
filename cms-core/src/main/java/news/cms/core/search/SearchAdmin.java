package news.cms.core.search;

import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleQuery;
import news.cms.core.article.ArticleService;
import news.cms.core.search.internal.ArticleIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeps the search index rebuildable from PostgreSQL, the source of truth: on start when the index
 * is new or of an older mapping, and on an administrator's request.
 */
@Service
public class SearchAdmin {

    private static final Logger log = LoggerFactory.getLogger(SearchAdmin.class);
    private static final int BATCH = 200;

    private final ArticleIndex index;
    private final ArticleService articles;

    SearchAdmin(ArticleIndex index, ArticleService articles) {
        this.index = index;
        this.articles = articles;
    }

    /** Drops the index and fills it again with every published article. */
    @PreAuthorize("hasRole('ADMIN')")
    public int rebuild() {
        index.recreate();
        return refill();
    }

    /** Creates the index if needed and fills a new one; returns how many articles were indexed. */
    public int ensureIndex() {
        return index.ensureExists() ? refill() : 0;
    }

    private int refill() {
        int count = 0;
        ArticleQuery.Cursor after = null;
        List<Article> page;
        do {
            page = articles.publishedPage(after, BATCH);
            page.forEach(index::put);
            count += page.size();
            if (!page.isEmpty()) {
                Article last = page.getLast();
                after = new ArticleQuery.Cursor(last.updatedAt(), last.id());
            }
        } while (page.size() == BATCH);
        index.refresh();
        log.info("search index filled from PostgreSQL with {} published articles", count);
        return count;
    }
}
