package news.cms.core.search;

import news.cms.core.search.internal.ArticleIndex;
import org.springframework.stereotype.Service;

/** Full-text search over published articles, with each language's analyzer. */
@Service
public class SearchService {

    private final ArticleIndex index;

    SearchService(ArticleIndex index) {
        this.index = index;
    }

    /** Published, non-embargoed articles matching the query, best first, a page at a time. */
    public SearchResults search(SearchQuery query) {
        return index.search(query);
    }
}
