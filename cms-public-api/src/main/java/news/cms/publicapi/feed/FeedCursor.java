package news.cms.publicapi.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An opaque, tamper-evident feed position: base64url of a format byte, the 8-byte sequence number
 * and an HMAC-SHA256 tag over both. Partners can neither read nor forge one (docs/adr/0004).
 */
final class FeedCursor {

    private static final byte V1 = 1;
    private static final int TAG = 32;
    private static final int LENGTH = 1 + Long.BYTES + TAG;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    FeedCursor(String secret) {
        if (secret.strip().length() < FeedProperties.MIN_SECRET) {
            throw new IllegalArgumentException(
                    "a cursor secret needs at least " + FeedProperties.MIN_SECRET + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    String encode(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("a feed position is never negative");
        }
        ByteBuffer b = ByteBuffer.allocate(LENGTH).put(V1).putLong(position);
        b.put(tag(b.array(), 1 + Long.BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * @throws InvalidFeedRequest when the cursor is malformed, from another format or not signed
     *     with our secret
     */
    long decode(String cursor) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFeedRequest.cursor("not base64url");
        }
        if (bytes.length != LENGTH || bytes[0] != V1) {
            throw InvalidFeedRequest.cursor("wrong length or format");
        }
        byte[] expected = tag(bytes, 1 + Long.BYTES);
        byte[] given = java.util.Arrays.copyOfRange(bytes, 1 + Long.BYTES, LENGTH);
        if (!MessageDigest.isEqual(expected, given)) { // constant time
            throw InvalidFeedRequest.cursor("signature does not match");
        }
        long position = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
        if (position < 0) {
            throw InvalidFeedRequest.cursor("negative position");
        }
        return position;
    }

    private byte[] tag(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC); // a Mac is not thread-safe; a new one is cheap
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
