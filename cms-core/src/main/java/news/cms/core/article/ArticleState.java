package news.cms.core.article;

/** Where an article stands in the editorial workflow. */
public enum ArticleState {
    DRAFT,
    PUBLISHED
}
