package news.cms.core.comment;

/** The comment was approved or rejected already; a decision is final. */
public class CommentAlreadyDecided extends RuntimeException {

    private final CommentState state;

    public CommentAlreadyDecided(CommentId id, CommentState state) {
        super("comment " + id + " is already " + state + ": a decision is final");
        this.state = state;
    }

    public CommentState state() {
        return state;
    }
}
