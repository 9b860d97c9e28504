package news.cms.core.comment;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What the commenter gets back on submission to ask later whether the comment was approved or
 * rejected, and why. It is a bearer secret, so it is separate from {@link CommentId}, which becomes
 * public once a comment is approved: 144 random bits, written as 24 URL-safe characters.
 */
public record ReceiptId(String value) {

    public static final int LENGTH = 24;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ReceiptId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a receipt is " + LENGTH + " URL-safe characters");
        }
    }

    public static ReceiptId random() {
        byte[] bytes = new byte[LENGTH * 3 / 4];
        RANDOM.nextBytes(bytes);
        return new ReceiptId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
