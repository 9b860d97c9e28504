package news.cms.core.signing;

/**
 * A token that {@link SigningKey#verify} refuses: not base64url, too short or too long, of an unknown
 * format version, or not signed with this key. The client's fault, never ours: callers answer it with
 * a 400-class error. The message says which, never the expected signature.
 */
public final class InvalidToken extends RuntimeException {

    InvalidToken(String reason) {
        super(reason, null, false, false); // thrown per bad request: no stack trace to fill
    }
}
