package news.cms.core.comment;

import java.util.UUID;

/** A comment's identity: a random UUID, used by moderators and in permalinks to approved comments. */
public record CommentId(UUID value) {

    public CommentId {
        if (value == null) {
            throw new IllegalArgumentException("a comment id is required");
        }
    }

    public static CommentId random() {
        return new CommentId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static CommentId parse(String text) {
        try {
            return new CommentId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a comment id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
