package news.cms.core.notification;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * One thing a staff member is told.
 *
 * @param actor who acted ({@code scheduler} for a scheduled go-live)
 * @param headline the story's headline now
 */
public record Notification(
        long id,
        String recipient,
        NotificationKind kind,
        ArticleId articleId,
        String headline,
        String actor,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean isRead() {
        return readAt != null;
    }
}
