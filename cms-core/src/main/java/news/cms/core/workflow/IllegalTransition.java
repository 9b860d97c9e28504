package news.cms.core.workflow;

/** The workflow has no such action from the article's current state. */
public class IllegalTransition extends RuntimeException {

    private final ArticleState state;
    private final Action action;

    public IllegalTransition(ArticleState state, Action action) {
        super("cannot " + action.verb() + " an article that is " + state.label());
        this.state = state;
        this.action = action;
    }

    public ArticleState state() {
        return state;
    }

    public Action action() {
        return action;
    }
}
