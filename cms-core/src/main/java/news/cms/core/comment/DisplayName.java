package news.cms.core.comment;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * The name a commenter signs with, shown as typed (no case change, so Turkish İ and ı survive):
 * cleaned, without bidi controls or stray joiners ({@link VisibleText}), on one line with single
 * spaces (any Unicode space counts), 1 to {@link #MAX_LENGTH} characters (code points). A new
 * comment's name must also show something ({@link #isVisible()}, checked by {@link NewComment}).
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 80;
    static final String FIELD = "display name";

    public DisplayName {
        String oneLine =
                Texts.required(VisibleText.tidyKeepingLegacy(value), FIELD).replaceAll("[\\s\\p{Zs}]+", " ");
        // Java's strip() leaves NBSP and its kin; a name of nothing else stays as stored (see isVisible).
        value = oneLine.isBlank() ? oneLine : oneLine.strip();
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
