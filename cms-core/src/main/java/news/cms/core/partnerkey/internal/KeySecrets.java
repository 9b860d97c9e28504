package news.cms.core.partnerkey.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a secret: {@code cmsk_<prefix>_<key>}, a prefix of 8 base32 letters for people to
 * tell keys apart, and 256 random bits. With that much entropy a fast hash is safe (a slow one
 * guards guessable passwords) and keeps every request cheap: docs/adr/0006-partner-keys.md.
 */
public final class KeySecrets {

    private static final String START = "cmsk_";
    private static final int PREFIX_LENGTH = 8;
    /** 256 bits in unpadded base64url. */
    private static final int KEY_LENGTH = 43;

    private static final int LENGTH = START.length() + PREFIX_LENGTH + 1 + KEY_LENGTH;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecrets() {}

    public record Secret(String prefix, String value) {}

    public static Secret generate() {
        StringBuilder prefix = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            prefix.append(BASE32[RANDOM.nextInt(32)]);
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String value =
                "cmsk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        return new Secret(prefix.toString(), value);
    }

    /**
     * The prefix of a well-shaped secret ({@code cmsk_}, 8 of {@code [a-z2-7]}, {@code _}, 43 of
     * {@code [A-Za-z0-9_-]}), or null for anything else. Checked by hand: it runs on every request
     * with a key, and the regular expression it replaced was 7 % of a cached feed page's CPU
     * (bench/public-api, JFR).
     */
    public static @Nullable String prefixOf(String presented) {
        if (presented.length() != LENGTH || !presented.startsWith(START)) {
            return null;
        }
        int prefixEnd = START.length() + PREFIX_LENGTH;
        for (int i = START.length(); i < prefixEnd; i++) {
            char c = presented.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return null;
            }
        }
        if (presented.charAt(prefixEnd) != '_') {
            return null;
        }
        for (int i = prefixEnd + 1; i < LENGTH; i++) {
            char c = presented.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return null;
            }
        }
        return presented.substring(START.length(), prefixEnd);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
