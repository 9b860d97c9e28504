package news.cms.core.push;

import java.time.Instant;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * One feed entry for one subscription.
 *
 * @param webhookId the {@code webhook-id} header, the same on every attempt and replay
 */
public record Delivery(
        UUID id,
        String webhookId,
        SubscriptionId subscription,
        long sequence,
        ArticleId articleId,
        PushEvent event,
        int publicVersion,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant finishedAt,
        @Nullable Integer lastStatus,
        @Nullable String lastError) {}
