package news.cms.core.budget;

import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.Set;
import news.cms.core.article.Slug;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;

/**
 * What an editor plans: the editable part of a planned item, checked as a whole before it is stored.
 *
 * @param slug the desk's short name for the story, with the article slug's rules (lower-cased)
 * @param assignee the username of the reporter (or editor) who writes it
 * @param plannedWords the planned length in words
 * @param languages the languages the story is planned in, the first being the main one
 * @param notes what the writer should know, in any language (may be empty)
 */
public record Plan(
        String slug,
        String section,
        String assignee,
        Instant due,
        int plannedWords,
        List<LanguageTag> languages,
        String notes) {

    public static final int MIN_WORDS = 1;
    public static final int MAX_WORDS = 20_000;
    public static final int MAX_LANGUAGES = 8;
    public static final int MAX_SECTION = 60;
    public static final int MAX_NOTES = 4_000;

    public Plan {
        slug = slug(slug);
        section = Texts.required(section, "section");
        if (section.length() > MAX_SECTION) {
            throw InvalidText.tooLong("section", MAX_SECTION);
        }
        assignee = Texts.required(assignee, "assignee").toLowerCase(Locale.ROOT);
        if (due == null) {
            throw InvalidText.required("due");
        }
        if (plannedWords < MIN_WORDS || plannedWords > MAX_WORDS) {
            SequencedMap<String, Object> params = new LinkedHashMap<>();
            params.put("min", MIN_WORDS);
            params.put("max", MAX_WORDS);
            throw new BudgetRefused(
                    BudgetRefused.Kind.PLANNED_WORDS,
                    "the planned length is " + MIN_WORDS + " to " + MAX_WORDS + " words: " + plannedWords,
                    params);
        }
        if (languages == null || languages.isEmpty()) {
            throw InvalidText.required("languages");
        }
        Set<String> primaries = new LinkedHashSet<>();
        for (LanguageTag language : languages) {
            if (language == null) {
                throw InvalidText.required("languages");
            }
            primaries.add(language.primary());
        }
        languages = primaries.stream().map(LanguageTag::of).toList();
        if (languages.size() > MAX_LANGUAGES) {
            throw InvalidText.tooMany("languages", MAX_LANGUAGES);
        }
        notes = notes == null ? "" : Texts.clean(notes, "notes").strip();
        if (notes.length() > MAX_NOTES) {
            throw InvalidText.tooLong("notes", MAX_NOTES);
        }
    }

    /** The language a draft is started in when the writer names none: the first planned. */
    public LanguageTag mainLanguage() {
        return languages.getFirst();
    }

    private static String slug(String given) {
        if (given == null || given.isBlank()) {
            throw InvalidText.required("slug");
        }
        String normal = Normalizer.normalize(Texts.clean(given, "slug").strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        try {
            return new Slug(normal).value();
        } catch (IllegalArgumentException e) {
            SequencedMap<String, Object> params = new LinkedHashMap<>();
            params.put("max", Slug.MAX_LENGTH);
            throw new BudgetRefused(BudgetRefused.Kind.SLUG, e.getMessage(), params);
        }
    }
}
