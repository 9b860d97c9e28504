package news.cms.core.comment;

import java.util.List;

/**
 * What a bulk approval or rejection did: the comments it decided, and those another moderator had
 * decided already (left as they were).
 */
public record BulkDecision(List<Comment> decided, List<CommentId> alreadyDecided) {

    public BulkDecision {
        decided = List.copyOf(decided);
        alreadyDecided = List.copyOf(alreadyDecided);
    }
}
