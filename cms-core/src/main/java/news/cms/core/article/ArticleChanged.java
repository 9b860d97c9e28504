package news.cms.core.article;

import java.time.Instant;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;

/**
 * The one domain event every article command records in the outbox: what was done, and the state
 * and version it left. Listeners (search index, feeds) read the article itself for the rest;
 * {@code version} orders the events of one article.
 */
public record ArticleChanged(ArticleId articleId, long version, Action action, ArticleState state, Instant at) {}
