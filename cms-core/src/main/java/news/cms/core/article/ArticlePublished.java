package news.cms.core.article;

/** An article went live, or a live article changed; {@code version} orders the changes. */
public record ArticlePublished(ArticleId articleId, long version) {}
