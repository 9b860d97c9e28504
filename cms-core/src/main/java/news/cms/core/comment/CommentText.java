package news.cms.core.comment;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * What a reader wrote: plain text (never rendered as markup), cleaned by the newsroom's text rule
 * (NFC, no control characters but line breaks and tabs), without bidi controls or stray joiners
 * ({@link VisibleText}), trimmed, and 1 to {@link #MAX_LENGTH} characters. Characters are Unicode
 * code points, as PostgreSQL's {@code char_length} counts them. A new comment must also show
 * something ({@link #isVisible()}, checked by {@link NewComment}); texts stored before that rule still load.
 */
public record CommentText(String value) {

    public static final int MAX_LENGTH = 2_000;
    static final String FIELD = "comment text";

    public CommentText {
        value = Texts.required(VisibleText.tidyKeepingLegacy(value), FIELD);
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidText(FIELD, "is longer than " + MAX_LENGTH + " characters");
        }
    }

    /** Whether a reader would see anything: not only spaces, format characters or fillers. */
    public boolean isVisible() {
        return VisibleText.hasVisible(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
