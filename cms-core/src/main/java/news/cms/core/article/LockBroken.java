package news.cms.core.article;

import java.time.Instant;

/**
 * A domain event: an editor broke someone's edit lock. {@code acquiredAt} tells one lock from the
 * next the same person takes.
 */
public record LockBroken(ArticleId articleId, String holder, Instant acquiredAt, String brokenBy, Instant at) {}
