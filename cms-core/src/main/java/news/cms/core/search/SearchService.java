package news.cms.core.search;

import java.util.List;
import news.cms.core.search.internal.ArticleIndex;
import org.jspecify.annotations.Nullable;
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

    /**
     * Like {@link #search}, with each translation group collapsed to one story: the hit is the
     * version in the first of {@code preferred} languages the story has, else the group's original,
     * and the story's other versions come with it. The query's language is not a filter here.
     *
     * @param preferred primary language subtags, most wanted first; may be empty
     * @param after where the previous page ended; null for the first page
     */
    public StoryResults searchStories(SearchQuery query, List<String> preferred, @Nullable StoryCursor after) {
        return index.searchStories(query, preferred, after);
    }
}
