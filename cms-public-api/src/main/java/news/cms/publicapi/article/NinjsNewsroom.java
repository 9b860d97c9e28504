package news.cms.publicapi.article;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import news.cms.core.article.MediaTopics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom's ninjs defaults ({@code cms.public-api.ninjs.*}), used where a story sets none of
 * its own (docs/adr/0030).
 *
 * @param urgency the urgency of a story without one, 1 (most urgent) to 9
 * @param copyrightHolder who holds the rights of our stories
 * @param copyrightNotice the notice printed with them
 * @param usageTerms what partners may do with them
 * @param sectionTopics the IPTC Media Topic code each section stands for (lower-case section name →
 *     eight-digit code from the bundled list); a story's subjects start with its section's topic
 */
@ConfigurationProperties("cms.public-api.ninjs")
public record NinjsNewsroom(
        @DefaultValue("5") int urgency,
        @DefaultValue("Newsroom CMS") String copyrightHolder,

        @DefaultValue("© Newsroom CMS. All rights reserved.")
        String copyrightNotice,

        @DefaultValue(
                "Licensed to partners under their distribution agreement; no resale, no archiving beyond 30 days.")
        String usageTerms,

        @Nullable Map<String, String> sectionTopics) {

    /** The section → topic mapping bundled with the code. */
    public static final Map<String, String> BUNDLED_SECTIONS = Map.ofEntries(
            Map.entry("arts", "01000000"),
            Map.entry("culture", "01000000"),
            Map.entry("media", "01000000"),
            Map.entry("crime", "02000000"),
            Map.entry("justice", "02000000"),
            Map.entry("business", "04000000"),
            Map.entry("economy", "04000000"),
            Map.entry("finance", "04000000"),
            Map.entry("education", "05000000"),
            Map.entry("environment", "06000000"),
            Map.entry("health", "07000000"),
            Map.entry("lifestyle", "10000000"),
            Map.entry("politics", "11000000"),
            Map.entry("religion", "12000000"),
            Map.entry("science", "13000000"),
            Map.entry("technology", "13000000"),
            Map.entry("society", "14000000"),
            Map.entry("sport", "15000000"),
            Map.entry("sports", "15000000"),
            Map.entry("weather", "17000000"));

    /** What a context without configuration uses (unit tests). */
    public static final NinjsNewsroom DEFAULTS = new NinjsNewsroom(
            5,
            "Newsroom CMS",
            "© Newsroom CMS. All rights reserved.",
            "Licensed to partners under their distribution agreement; no resale, no archiving beyond 30 days.",
            null);

    public NinjsNewsroom {
        if (urgency < 1 || urgency > 9) {
            throw new IllegalArgumentException("cms.public-api.ninjs.urgency must be 1 to 9, not " + urgency);
        }
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> given = sectionTopics == null || sectionTopics.isEmpty() ? BUNDLED_SECTIONS : sectionTopics;
        given.forEach((section, code) -> {
            MediaTopics.Topic topic = MediaTopics.find(code)
                    .orElseThrow(() -> new IllegalArgumentException("cms.public-api.ninjs.section-topics." + section
                            + ": " + code + " is not a Media Topic of the bundled list"));
            sections.put(section.strip().toLowerCase(Locale.ROOT), topic.code());
        });
        sectionTopics = Map.copyOf(sections);
    }

    /** The topic a section stands for, if the mapping has it (case-insensitive). */
    MediaTopics.@Nullable Topic sectionTopic(String section) {
        String code = sectionTopics().get(section.strip().toLowerCase(Locale.ROOT));
        return code == null ? null : MediaTopics.find(code).orElse(null);
    }
}
