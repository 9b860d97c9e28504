package news.cms.core.article;

import java.util.List;
import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What an editor says about a story for its distribution: IPTC Media Topics chosen from {@link
 * MediaTopics}, an urgency (1 most urgent … 9 least) and rights that override the newsroom's
 * defaults. Absent values take the public API's configured defaults.
 *
 * @param subjects Media Topic codes (eight digits; {@code medtop:} prefix accepted), each from the list
 */
public record Distribution(
        List<String> subjects,
        @Nullable Integer urgency,
        @Nullable String copyrightHolder,
        @Nullable String copyrightNotice,
        @Nullable String usageTerms) {

    public static final Distribution NONE = new Distribution(List.of(), null, null, null, null);

    public static final int MAX_SUBJECTS = 10;
    public static final int MAX_RIGHTS = 500;

    public Distribution {
        subjects = subjects == null
                ? List.of()
                : subjects.stream()
                        .map(code -> MediaTopics.find(code)
                                .orElseThrow(() -> new InvalidText(
                                        "subject is not a Media Topic of the list: " + code,
                                        "subjects",
                                        InvalidText.Problem.MEDIA_TOPIC,
                                        null,
                                        code.length() > 40 ? code.substring(0, 40) + "…" : code))
                                .code())
                        .distinct()
                        .toList();
        if (subjects.size() > MAX_SUBJECTS) {
            throw InvalidText.tooMany("subjects", MAX_SUBJECTS);
        }
        if (urgency != null && (urgency < 1 || urgency > 9)) {
            throw new InvalidText(
                    "urgency must be from 1 (most urgent) to 9: " + urgency,
                    "urgency",
                    InvalidText.Problem.URGENCY,
                    null,
                    urgency.toString());
        }
        copyrightHolder = optional(copyrightHolder, "copyright holder");
        copyrightNotice = optional(copyrightNotice, "copyright notice");
        usageTerms = optional(usageTerms, "usage terms");
    }

    private static @Nullable String optional(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String clean = Texts.clean(text, field).strip();
        if (clean.length() > MAX_RIGHTS) {
            throw InvalidText.tooLong(field, MAX_RIGHTS);
        }
        return clean;
    }
}
