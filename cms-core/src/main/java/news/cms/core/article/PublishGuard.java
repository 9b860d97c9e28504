package news.cms.core.article;

/**
 * A rule of another feature that a story must meet to go public (publish, schedule, update,
 * correct), checked inside the command's transaction before anything is stored. The media feature
 * adds one for featured images; the article feature knows no more of them than this.
 */
@FunctionalInterface
public interface PublishGuard {

    /**
     * @param article the story as it would go public
     * @throws RuntimeException a {@link news.cms.core.language.Refusal} saying what is missing
     */
    void check(Article article);
}
