package news.cms.core.comment;

/**
 * What a submission did: the comment stored for its article and idempotency key, and whether this
 * submission stored it or found it stored by an earlier one (a retry).
 */
public record Submission(Comment comment, boolean isNew) {

    public Submission {
        if (comment == null) {
            throw new IllegalArgumentException("a submission needs its comment");
        }
    }
}
