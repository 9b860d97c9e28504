package news.cms.core.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A comment's text folded to its letters and digits (NFKC, case-folded, marks and tatweel dropped) and
 * hashed with SHA-256: equal for "Buy now!!!" and "buy   NOW", so repeated posting shows.
 */
public record TextDigest(String value) {

    public TextDigest {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a text digest is 64 lower-case hex digits");
        }
    }

    public static TextDigest of(CommentText text) {
        String folded = Normalizer.normalize(text.value(), Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace('ı', 'i');
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) && c != 0x0640) // tatweel is a letter to Java
                .forEach(kept::appendCodePoint);
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(kept.toString().getBytes(StandardCharsets.UTF_8));
            return new TextDigest(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
