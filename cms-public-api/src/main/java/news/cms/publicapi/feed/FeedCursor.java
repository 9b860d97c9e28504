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

    /** An Atom archive page's start: after the story that ended the page before (newest first). */
    String encodeArchive(news.cms.core.article.ArticleQuery.Cursor after) {
        java.time.Instant t = after.updatedAt();
        return key.sign(ByteBuffer.allocate(ARCHIVE_BYTES)
                .putLong(t.getEpochSecond())
                .putInt(t.getNano())
                .putLong(after.id().value().getMostSignificantBits())
                .putLong(after.id().value().getLeastSignificantBits())
                .array());
    }

    private static final int ARCHIVE_BYTES = 8 + 4 + 16;

    /**
     * @throws InvalidFeedRequest when the token is not an archive position signed with our secret
     */
    news.cms.core.article.ArticleQuery.Cursor decodeArchive(String cursor) {
        byte[] payload;
        try {
            payload = key.verify(cursor.strip());
        } catch (InvalidToken e) {
            throw InvalidFeedRequest.cursor(e.getMessage());
        }
        if (payload.length != ARCHIVE_BYTES) {
            throw InvalidFeedRequest.cursor("wrong length");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        long seconds = b.getLong();
        int nanos = b.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw InvalidFeedRequest.cursor("bad time");
        }
        java.util.UUID id = new java.util.UUID(b.getLong(), b.getLong());
        try {
            return new news.cms.core.article.ArticleQuery.Cursor(
                    java.time.Instant.ofEpochSecond(seconds, nanos), new news.cms.core.article.ArticleId(id));
        } catch (java.time.DateTimeException e) {
            throw InvalidFeedRequest.cursor("bad time");
        }
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
