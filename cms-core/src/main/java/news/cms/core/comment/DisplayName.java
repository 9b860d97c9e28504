package news.cms.core.comment;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * The name a commenter signs with, shown as typed (no case change, so Turkish İ and ı survive):
 * cleaned, on one line with single spaces, 1 to {@link #MAX_LENGTH} characters (code points).
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 80;
    private static final String FIELD = "display name";

    public DisplayName {
        value = Texts.required(value, FIELD).replaceAll("\\s+", " ");
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidText(FIELD, "is longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
