package news.cms.core.search;

import java.util.List;
import news.cms.core.search.internal.ArticleIndex;
import org.springframework.stereotype.Service;

/** Full-text search over published articles, with each language's analyzer. */
@Service
public class SearchService {

    private final ArticleIndex index;

    SearchService(ArticleIndex index) {
        this.index = index;
    }

    public List<SearchHit> search(SearchQuery query) {
        return index.search(query);
    }
}
