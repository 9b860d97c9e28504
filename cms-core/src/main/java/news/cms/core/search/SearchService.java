package news.cms.core.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.search.internal.ArticleIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Full-text search over published articles, with each language's analyzer. Every hit is checked
 * against PostgreSQL before it is given (one look-up per page): the index follows the articles
 * through the outbox, so for a while after the engine was down it may still hold a story killed or
 * unpublished meanwhile, and such a story is never served after its kill commits.
 */
@Service
public class SearchService {

    private final ArticleIndex index;
    private final ArticleService articles;
    private final Clock clock;

    SearchService(ArticleIndex index, ArticleService articles, Clock clock) {
        this.index = index;
        this.articles = articles;
        this.clock = clock;
    }

    /** Published, non-embargoed articles matching the query, best first, a page at a time. */
    public SearchResults search(SearchQuery query) {
        SearchResults found = index.search(query);
        Map<ArticleId, Article> readable =
                readable(found.hits().stream().map(SearchHit::id).toList());
        return new SearchResults(
                found.hits().stream().filter(h -> readable.containsKey(h.id())).toList(), found.next());
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
        StoryResults found = index.searchStories(query, preferred, after);
        Map<ArticleId, Article> readable = readable(found.hits().stream()
                .flatMap(h -> Stream.concat(Stream.of(h.hit()), h.translations().stream()))
                .map(SearchHit::id)
                .toList());
        List<StoryHit> kept = new ArrayList<>(found.hits().size());
        for (StoryHit story : found.hits()) {
            List<SearchHit> versions = Stream.concat(Stream.of(story.hit()), story.translations().stream())
                    .filter(h -> readable.containsKey(h.id()))
                    .toList();
            if (!versions.isEmpty()) {
                // The version shown went meanwhile: the next one the story has takes its place.
                kept.add(new StoryHit(story.story(), versions.getFirst(), versions.subList(1, versions.size())));
            }
        }
        return new StoryResults(kept, found.next());
    }

    /** Those of the articles that are published and readable now, as PostgreSQL has them. */
    private Map<ArticleId, Article> readable(List<ArticleId> ids) {
        Instant now = clock.instant();
        Map<ArticleId, Article> published = new HashMap<>(articles.findPublished(ids));
        published.values().removeIf(a -> !a.isReadableAt(now));
        return published;
    }
}
