package news.cms.core.comment;

import java.util.regex.Pattern;

/**
 * The only form in which a commenter's e-mail is kept: HMAC-SHA-256 of the normalised
 * {@link EmailAddress} under the configured pepper, as 64 lower-case hex digits. The same address
 * gives the same hash, so that abuse can be traced to one address without storing it.
 */
public record EmailHash(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9a-f]{64}");

    public EmailHash {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("an e-mail hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
