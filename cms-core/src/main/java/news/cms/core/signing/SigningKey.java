package news.cms.core.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One secret and what it signs: HMAC-SHA-256 tokens and keyed hashes. Thread-safe.
 *
 * <p>A token is base64url (no padding) of {@code version ‖ payload ‖ tag}, where {@code version} is
 * one byte ({@value #VERSION}) and {@code tag} is HMAC-SHA-256 over {@code version ‖ payload}. The
 * payload is readable by whoever holds a token; the tag makes any change, forgery or other key's
 * token fail {@link #verify}, compared in constant time. Version 1 is byte for byte the feed cursor
 * format used before this class, so feed cursors that partners hold stay valid. Each purpose has
 * its own secret (feed cursors, comment cursors, e-mail pepper), so one purpose's token is never
 * valid as another's.
 */
public final class SigningKey {

    /** The shortest secret accepted, in characters after trimming (32 random base64 characters: 192 bits). */
    public static final int MIN_SECRET_LENGTH = 32;

    /** The format version written into every token. */
    public static final byte VERSION = 1;

    /** The longest token {@link #verify} decodes, in characters: a bound on work per request. */
    public static final int MAX_TOKEN_LENGTH = 1024;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_LENGTH = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    private SigningKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param property the setting the secret came from, named in the error
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_LENGTH}
     *     characters (white space around it not counted)
     */
    public static SigningKey of(String secret, String property) {
        requireStrong(secret, property);
        return new SigningKey(secret);
    }

    /**
     * The one rule for every secret setting, for configuration records that check it at binding.
     *
     * @throws IllegalArgumentException when the secret is missing or shorter than {@value #MIN_SECRET_LENGTH}
     *     characters
     */
    public static void requireStrong(String secret, String property) {
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(property + " needs at least " + MIN_SECRET_LENGTH + " characters");
        }
    }

    /** A token carrying the payload, which only this key's {@link #verify} accepts. */
    public String sign(byte[] payload) {
        byte[] token = new byte[1 + payload.length + TAG_LENGTH];
        token[0] = VERSION;
        System.arraycopy(payload, 0, token, 1, payload.length);
        byte[] tag = mac(token, 0, 1 + payload.length);
        System.arraycopy(tag, 0, token, 1 + payload.length, TAG_LENGTH);
        return ENCODER.encodeToString(token);
    }

    /**
     * @return the payload of a token {@link #sign} made with this key
     * @throws InvalidToken for anything else
     */
    public byte[] verify(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidToken("too long");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("not base64url");
        }
        if (bytes.length < 1 + TAG_LENGTH) {
            throw new InvalidToken("too short");
        }
        if (bytes[0] != VERSION) {
            throw new InvalidToken("unknown format version");
        }
        int signed = bytes.length - TAG_LENGTH;
        byte[] expected = mac(bytes, 0, signed);
        // Constant time: how much of a forged tag is right must not show in the response time.
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, signed, bytes.length))) {
            throw new InvalidToken("signature does not match");
        }
        return Arrays.copyOfRange(bytes, 1, signed);
    }

    /** HMAC-SHA-256 of the data: a keyed hash that cannot be recomputed without the secret. */
    public byte[] hash(byte[] data) {
        return mac(data, 0, data.length);
    }

    private byte[] mac(byte[] data, int offset, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; a new one is cheap
            mac.init(key);
            mac.update(data, offset, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HMAC-SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[HMAC-SHA-256, secret hidden]";
    }
}
