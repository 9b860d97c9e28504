package news.cms.core.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of stories, best first, and the cursor of the next page when there may be more. */
public record StoryResults(List<StoryHit> hits, @Nullable StoryCursor next) {

    public StoryResults {
        hits = List.copyOf(hits);
    }
}
