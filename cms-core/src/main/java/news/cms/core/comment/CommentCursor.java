package news.cms.core.comment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a keyset page of comments ends: the last comment's creation time and id, which order every
 * comment list. {@link #token()} is its opaque form for clients.
 */
public record CommentCursor(Instant createdAt, CommentId id) {

    public CommentCursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("a cursor needs a time and an id");
        }
    }

    public static CommentCursor after(Comment comment) {
        return new CommentCursor(comment.createdAt(), comment.id());
    }

    public String token() {
        String plain = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the token was not made by {@link #token()}
     */
    public static CommentCursor parse(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new CommentCursor(Instant.parse(plain.substring(0, bar)), CommentId.parse(plain.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a comment cursor: " + token, e);
        }
    }
}
