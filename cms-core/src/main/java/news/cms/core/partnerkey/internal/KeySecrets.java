package news.cms.core.partnerkey.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The shape of a secret: {@code cmsk_<prefix>_<key>}, a prefix of 8 base32 letters for people to
 * tell keys apart, and 256 random bits. With that much entropy a fast hash is safe (a slow one
 * guards guessable passwords) and keeps every request cheap: docs/adr/0006-partner-keys.md.
 */
public final class KeySecrets {

    private static final Pattern SHAPE = Pattern.compile("cmsk_([a-z2-7]{8})_([A-Za-z0-9_-]{43})");
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

    /** The prefix of a well-shaped secret, or null for anything else. */
    public static @Nullable String prefixOf(String presented) {
        Matcher m = SHAPE.matcher(presented);
        return m.matches() ? m.group(1) : null;
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
