package news.cms.core.comment;

/** A rejection must name the guideline the comment broke. */
public class RejectionReasonRequired extends RuntimeException {

    public RejectionReasonRequired(CommentId id) {
        super("rejecting comment " + id + " needs a reason from the guidelines");
    }
}
