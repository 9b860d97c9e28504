package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Refusal;
import org.junit.jupiter.api.Test;

/**
 * The refusals an editor meets in the story form carry a stable code and the values their message
 * needs, while the English message stays as it was for logs and the public API.
 */
class RefusalCodesTest {

    private static final Dateline DATELINE = new Dateline("Kirkuk", null, "IQ", LocalDate.of(2026, 11, 26));
    private static final List<Byline> BYLINE = List.of(new Byline("Aras Kerim", null));

    @Test
    void anOverlongHeadlineSaysFieldAndLimit() {
        Refusal r = refusal(
                () -> new ArticleContent(LanguageTag.TURKISH, "news", "a".repeat(301), "", "Metin", BYLINE, DATELINE));

        assertThat(r.code()).isEqualTo("text.too-long");
        assertThat(r.params()).containsExactly(entry("field", "headline"), entry("limit", 300));
        assertThat(((Exception) r).getMessage()).isEqualTo("headline is longer than 300 characters");
    }

    @Test
    void blankMissingAndTooManyHaveTheirOwnCodes() {
        assertThat(refusal(() -> new ArticleContent(LanguageTag.ARABIC, "news", " ", "", "نص", BYLINE, DATELINE))
                        .code())
                .isEqualTo("text.blank");
        assertThat(refusal(() -> new ArticleContent(LanguageTag.ARABIC, "news", "عنوان", "", "نص", List.of(), DATELINE))
                        .code())
                .isEqualTo("text.required");
        List<String> tags = java.util.stream.IntStream.rangeClosed(1, 31)
                .mapToObj(i -> "tag" + i)
                .toList();
        Refusal tooMany = refusal(() -> new ArticleContent(
                LanguageTag.SORANI,
                "news",
                "سەردێڕ",
                "",
                "دەق",
                BYLINE,
                DATELINE,
                tags,
                FieldDirections.FROM_LANGUAGE));
        assertThat(tooMany.code()).isEqualTo("text.too-many");
        assertThat(tooMany.params()).containsExactly(entry("field", "tags"), entry("limit", 30));
    }

    @Test
    void aBadCountryCodeKeepsItsMessageAndNamesTheValue() {
        Refusal r = refusal(() -> new Dateline("Erbil", null, "1q", LocalDate.of(2026, 11, 26)));

        assertThat(r.code()).isEqualTo("text.country-code");
        assertThat(r.params()).containsExactly(entry("field", "dateline country"), entry("value", "1Q"));
        assertThat(((Exception) r).getMessage()).isEqualTo("dateline country must be a two-letter ISO 3166 code: 1Q");
    }

    @Test
    void bylineNamesAndRolesAreRefusedOneByOne() {
        Refusal r = refusal(() -> new Byline("n", "r".repeat(Byline.MAX_LENGTH + 1)));

        assertThat(r.code()).isEqualTo("text.too-long");
        assertThat(r.params()).containsExactly(entry("field", "byline role"), entry("limit", Byline.MAX_LENGTH));
    }

    @Test
    void notesAndTimesHaveCodes() {
        NoteRequired note = new NoteRequired("reason for the kill");
        assertThat(note.code()).isEqualTo("note.required");
        assertThat(note.getMessage()).isEqualTo("a reason for the kill is required");
        Instant past = Instant.parse("2026-01-01T10:00:00Z");
        InvalidSchedule embargo = new InvalidSchedule(InvalidSchedule.Kind.EMBARGO, past);
        assertThat(embargo.code()).isEqualTo("schedule.embargo-not-in-future");
        assertThat(embargo.params()).containsExactly(entry("at", past));
        assertThat(embargo.getMessage()).isEqualTo("the embargo time 2026-01-01T10:00:00Z is not in the future");
        assertThat(new InvalidText("email", "is not an e-mail address").code()).isEqualTo("text.invalid");
    }

    private static Refusal refusal(Runnable refused) {
        return catchThrowableOfType(IllegalArgumentException.class, refused::run) instanceof Refusal r
                ? r
                : org.assertj.core.api.Assertions.fail("no coded refusal");
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
