package news.cms.core.writing;

import java.util.Locale;
import java.util.Map;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Length targets per section and reading speeds per language, for the editor's writing aids.
 *
 * <pre>
 * cms.writing.defaults.headline-characters=80
 * cms.writing.sections.sport.headline-characters=60
 * cms.writing.words-per-minute.ar=138
 * </pre>
 *
 * @param defaults the targets of every section that sets none of its own
 * @param sections targets by section (its name in any case); unset limits come from the defaults
 * @param wordsPerMinute silent reading speed by primary language subtag, for reading time
 * @param defaultWordsPerMinute the speed for a language not listed
 */
@ConfigurationProperties("cms.writing")
public record WritingProperties(
        @DefaultValue Target defaults,
        @DefaultValue Map<String, Target> sections,
        @DefaultValue Map<String, Integer> wordsPerMinute,
        @DefaultValue("200") int defaultWordsPerMinute) {

    public WritingProperties {
        sections = sections.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        wordsPerMinute = Map.copyOf(wordsPerMinute);
        wordsPerMinute.forEach((lang, wpm) -> {
            if (wpm == null || wpm <= 0) {
                throw new IllegalArgumentException("cms.writing.words-per-minute." + lang + " must be positive");
            }
        });
        if (defaultWordsPerMinute <= 0) {
            throw new IllegalArgumentException("cms.writing.default-words-per-minute must be positive");
        }
    }

    /** The targets for a story in this section (blank or unknown section: the defaults). */
    public Target target(@Nullable String section) {
        if (section == null || section.isBlank()) {
            return defaults;
        }
        Target own = sections.get(section.strip().toLowerCase(Locale.ROOT));
        return own == null ? defaults : own.over(defaults);
    }

    /** Whole minutes a reader of the language takes for this many words; at least 1 for any text. */
    public int readingMinutes(int words, LanguageTag language) {
        if (words <= 0) {
            return 0;
        }
        int speed = wordsPerMinute.getOrDefault(language.primary(), defaultWordsPerMinute);
        return Math.max(1, Math.round((float) words / speed));
    }
}
