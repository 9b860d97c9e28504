package news.cms.core.notification;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.budget.PlannedItemId;
import news.cms.core.push.SubscriptionId;
import org.jspecify.annotations.Nullable;

/**
 * One thing a staff member is told: about a story, or (admins) about a push subscription.
 *
 * @param actor who acted ({@code scheduler} for a scheduled go-live)
 * @param articleId the story it is about; null when it is about a planned item
 * @param headline the story's headline now, or the planned item's slug
 * @param plannedItemId the planned item it is about ({@link NotificationKind#ASSIGNED}); null for a story
 * @param actor who acted ({@code scheduler} for a scheduled go-live, {@code push-worker} for push)
 * @param articleId the story it is about, none for a push subscription's notice
 * @param headline the story's headline now, or the subscription's name when it was told
 * @param subscription the push subscription it is about, none for a story's notice
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
        @Nullable PlannedItemId plannedItemId,
        @Nullable SubscriptionId subscription) {

    public boolean isRead() {
        return readAt != null;
    }
}
