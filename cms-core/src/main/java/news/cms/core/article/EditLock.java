package news.cms.core.article;

import java.time.Instant;

/** Who holds the edit lock of an article, since when, and until when it lasts without a heartbeat. */
public record EditLock(ArticleId articleId, String holder, Instant acquiredAt, Instant heartbeatAt, Instant expiresAt) {

    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
