package news.cms.core.notification;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.budget.PlannedItemId;
import org.jspecify.annotations.Nullable;

/**
 * One thing a staff member is told.
 *
 * @param actor who acted ({@code scheduler} for a scheduled go-live)
 * @param articleId the story it is about; null when it is about a planned item
 * @param headline the story's headline now, or the planned item's slug
 * @param plannedItemId the planned item it is about ({@link NotificationKind#ASSIGNED}); null for a story
 */
public record Notification(
        long id,
        String recipient,
        NotificationKind kind,
        @Nullable ArticleId articleId,
        String headline,
        String actor,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable PlannedItemId plannedItemId) {

    public boolean isRead() {
        return readAt != null;
    }
}
