package news.cms.core.comment;

import java.time.Instant;
import news.cms.core.article.ArticleId;

/** A moderator approved a comment: it is now readable under its article. */
public record CommentApproved(CommentId commentId, ArticleId articleId, String moderator, Instant decidedAt) {}
