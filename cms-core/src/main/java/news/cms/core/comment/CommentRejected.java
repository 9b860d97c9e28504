package news.cms.core.comment;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/** A moderator rejected a comment for breaking a guideline. */
public record CommentRejected(
        CommentId commentId,
        ArticleId articleId,
        RejectionReason reason,
        @Nullable AbuseKind abuseKind,
        String moderator,
        Instant decidedAt) {}
