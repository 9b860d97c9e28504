package news.cms.publicapi.feed;

import java.nio.ByteBuffer;
import news.cms.core.signing.InvalidToken;
import news.cms.core.signing.SigningKey;

/**
 * An opaque, tamper-evident feed position: a {@link SigningKey} token whose payload is the 8-byte
 * sequence number. Partners can neither read nor forge one (docs/adr/0004); cursors issued before
 * the shared signing helper have the same bytes and still decode (docs/adr/0012).
 */
final class FeedCursor {

    private final SigningKey key;

    FeedCursor(String secret) {
        this.key = SigningKey.of(secret, "cms.public-api.cursor-secret");
    }

    String encode(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
        return key.sign(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
    }

    /**
     * @throws InvalidFeedRequest when the cursor is malformed, from another format or not signed
     *     with our secret; nothing else, whatever the input
     */
    long decode(String cursor) {
        byte[] payload;
        try {
            payload = key.verify(cursor.strip());
        } catch (InvalidToken e) {
            throw InvalidFeedRequest.cursor(e.getMessage());
        }
        if (payload.length != Long.BYTES) {
            throw InvalidFeedRequest.cursor("wrong length");
        }
        long position = ByteBuffer.wrap(payload).getLong();
        if (position < 0) {
            throw InvalidFeedRequest.cursor("negative position");
        }
        return position;
    }
}
