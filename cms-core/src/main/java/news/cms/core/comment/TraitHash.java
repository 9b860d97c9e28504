package news.cms.core.comment;

import java.util.regex.Pattern;

/**
 * A commenter's trait (address, network or client id) as it is kept: HMAC-SHA-256 under the comments'
 * pepper, 64 lower-case hex digits. The same trait gives the same hash, so a ban can match it.
 */
public record TraitHash(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public TraitHash {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a trait hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
