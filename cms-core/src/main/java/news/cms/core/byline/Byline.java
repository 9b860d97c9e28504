package news.cms.core.byline;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * One credit on a story: the contributor's name as printed and their role, e.g. "Staff reporter".
 */
public record Byline(String name, String role) {

    public static final int MAX_LENGTH = 200;

    public Byline {
        name = Texts.required(name, "byline name");
        role = role == null || role.isBlank()
                ? "Staff reporter"
                : Texts.clean(role, "byline role").strip();
        if (name.length() > MAX_LENGTH) {
            throw InvalidText.tooLong("byline name", MAX_LENGTH);
        }
        if (role.length() > MAX_LENGTH) {
            throw InvalidText.tooLong("byline role", MAX_LENGTH);
        }
    }
}
