package news.cms.core.comment;

/** No comment has that id or receipt. */
public class CommentNotFound extends RuntimeException {

    public CommentNotFound(CommentId id) {
        super("no comment " + id);
    }
}
