package news.cms.core.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of hits, best first, and the cursor of the next page when there may be more. */
public record SearchResults(List<SearchHit> hits, @Nullable SearchCursor next) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
