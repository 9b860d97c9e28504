package news.cms.core.comment;

/**
 * A client sent an idempotency key again with another comment than the one it first sent under it:
 * not a retry, and nothing was stored. The client must choose a new key for a new comment.
 */
public class IdempotencyKeyReused extends RuntimeException {

    private final IdempotencyKey key;

    public IdempotencyKeyReused(IdempotencyKey key) {
        super("the Idempotency-Key " + key + " was used for another comment: choose a new key for a new comment");
        this.key = key;
    }

    public IdempotencyKey key() {
        return key;
    }
}
