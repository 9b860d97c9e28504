package news.cms.core.comment;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * Why a moderator banned a commenter, in their own words: cleaned like every text, 1 to
 * {@link #MAX_LENGTH} characters. Kept for moderators; never shown to the commenter.
 */
public record BanReason(String value) {

    public static final int MAX_LENGTH = 500;
    static final String FIELD = "ban reason";

    public BanReason {
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
