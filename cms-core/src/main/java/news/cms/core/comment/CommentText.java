package news.cms.core.comment;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * What a reader wrote: plain text (never rendered as markup), cleaned by the newsroom's text rule
 * (NFC, no control characters but line breaks and tabs), trimmed, and 1 to {@link #MAX_LENGTH}
 * characters. Characters are Unicode code points, as PostgreSQL's {@code char_length} counts them.
 */
public record CommentText(String value) {

    public static final int MAX_LENGTH = 2_000;
    static final String FIELD = "comment text";

    public CommentText {
        value = Texts.required(value, FIELD);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidText(FIELD, "is longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
