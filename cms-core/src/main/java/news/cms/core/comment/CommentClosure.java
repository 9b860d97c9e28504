package news.cms.core.comment;

import java.time.Instant;
import news.cms.core.article.ArticleId;

/** Comments on a story were closed: by whom, when and, for the newsroom, why. */
public record CommentClosure(ArticleId articleId, Instant closedAt, String closedBy, String note) {}
