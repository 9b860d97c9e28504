package news.cms.core.comment;

import java.util.UUID;
import java.util.regex.Pattern;
import news.cms.core.language.InvalidText;

/**
 * Chosen by the client per comment and sent again on every retry: a second submission with the same
 * key for the same article returns the first comment instead of storing another.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 100;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    public IdempotencyKey {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidText(
                    "idempotency key", "is 1 to " + MAX_LENGTH + " letters, digits, dots, colons, dashes, underscores");
        }
    }

    /** A fresh key, for callers whose client sent none (such a submission cannot be retried safely). */
    public static IdempotencyKey random() {
        return new IdempotencyKey(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
