package news.cms.core.article;

import news.cms.core.workflow.Action;

/**
 * A rule of another feature on what a story's content may hold, checked on every command that
 * stores content (create, edit, update, correct) inside its transaction before anything is stored,
 * and told of the content once it is stored (same transaction). The media feature adds one for the
 * pictures a body places; the article feature knows no more of them than this.
 */
public interface ContentGuard {

    /**
     * @param article the story as it would be stored
     * @param action {@link Action#CREATE}, {@link Action#EDIT}, {@link Action#UPDATE} or {@link
     *     Action#CORRECT}
     * @throws RuntimeException a {@link news.cms.core.language.Refusal} saying what is wrong
     */
    void check(Article article, Action action);

    /** The content was stored (the transaction has not ended yet). */
    default void stored(Article article) {}
}
