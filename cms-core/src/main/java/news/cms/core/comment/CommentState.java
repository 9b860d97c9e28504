package news.cms.core.comment;

/** Where a comment stands in pre-moderation: every comment starts PENDING and is decided once. */
public enum CommentState {
    PENDING,
    APPROVED,
    REJECTED;

    public boolean isDecided() {
        return this != PENDING;
    }
}
