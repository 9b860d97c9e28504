package news.cms.core.comment;

import java.util.Locale;
import java.util.regex.Pattern;
import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * A commenter's e-mail address on its way to being hashed; it is never stored or logged. Checked
 * loosely (something@domain.tld, no spaces), trimmed and lower-cased, so that one address always
 * gives one {@link EmailHash}.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final String FIELD = "email";
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    public EmailAddress {
        value = Texts.required(value, FIELD).toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidText(FIELD, "is not an e-mail address");
        }
    }

    /** Keeps the address out of logs and exception messages. */
    @Override
    public String toString() {
        return "EmailAddress[hidden]";
    }
}
