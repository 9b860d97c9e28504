package news.cms.core.article;

/** The workflow does not allow that action from the article's current state. */
public class IllegalTransition extends RuntimeException {

    public IllegalTransition(ArticleId id, ArticleState state, String action) {
        super("article " + id + " is " + state + ": cannot " + action);
    }
}
