package news.cms.core.budget;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * A planned item of the story budget as stored.
 *
 * @param articleId the draft it became; null until it is started
 * @param version raised by every change, for optimistic locking of edits
 */
public record PlannedItem(
        PlannedItemId id,
        Plan plan,
        PlanState state,
        @Nullable ArticleId articleId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Still planned and its due time has passed: nobody has started it in time. */
    public boolean isOverdue(Instant now) {
        return state == PlanState.PLANNED && plan.due().isBefore(now);
    }
}
