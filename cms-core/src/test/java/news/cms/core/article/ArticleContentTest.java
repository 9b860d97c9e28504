package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules every story meets before it is stored, in each of our languages. */
class ArticleContentTest {

    private static final Dateline DATELINE = new Dateline("Erbil", null, null, LocalDate.of(2026, 11, 25));

    @ParameterizedTest
    @CsvSource({
        "en, Erbil library opens",
        "ar, افتتاح مكتبة أربيل",
        "ckb, کتێبخانەی هەولێر کرایەوە",
        "tr, Erbil kütüphanesi açıldı"
    })
    void acceptsAStoryAndNormalisesItsText(String language, String headline) {
        ArticleContent content = new ArticleContent(
                LanguageTag.of(language),
                " culture ",
                "  " + headline + "\u0000 ",
                null,
                "Body\r\ntext",
                List.of(new Byline(headline, null)),
                DATELINE);

        assertThat(content.headline()).isEqualTo(headline);
        assertThat(content.section()).isEqualTo("culture");
        assertThat(content.standfirst()).isEmpty();
        assertThat(content.body()).isEqualTo("Body\ntext");
    }

    @ParameterizedTest
    @CsvSource({"en", "ar", "ckb", "tr"})
    void refusesWhatIsMissingOrTooLong(String language) {
        LanguageTag tag = LanguageTag.of(language);
        List<Byline> byline = List.of(new Byline("Rezan Ahmed", null));
        assertThatThrownBy(() -> new ArticleContent(tag, "news", " \t ", "", "Body", byline, DATELINE))
                .isInstanceOf(InvalidText.class)
                .hasMessage("headline must not be blank");
        assertThatThrownBy(() -> new ArticleContent(tag, "news", "H", "", "Body", List.of(), DATELINE))
                .isInstanceOf(InvalidText.class)
                .hasMessage("bylines need at least one byline");
        assertThatThrownBy(() -> new ArticleContent(
                        tag, "news", "H", "", "x".repeat(ArticleContent.MAX_BODY + 1), byline, DATELINE))
                .isInstanceOf(InvalidText.class)
                .hasMessageContaining("body is longer than 200000");
        assertThatThrownBy(() -> new ArticleContent(tag, "news", "H", "", "Body", byline, null))
                .isInstanceOf(InvalidText.class)
                .hasMessage("dateline is required");
    }

    @ParameterizedTest
    @CsvSource({"'', a place", "'  ', a place"})
    void aDatelineNeedsAPlace(String place, String why) {
        assertThatThrownBy(() -> new Dateline(place, null, null, LocalDate.of(2026, 11, 25)))
                .as(why)
                .isInstanceOf(InvalidText.class);
    }

    @ParameterizedTest
    @CsvSource({"english", "xx-!!", "ar_IQ_"})
    void refusesAnUnknownLanguageTag(String tag) {
        assertThatThrownBy(() -> LanguageTag.of(tag)).isInstanceOf(InvalidLanguageTag.class);
    }

    @Test
    void directionFollowsTheLanguageUnlessAFieldOverridesIt() {
        FieldDirections englishHeadline = new FieldDirections(TextDirection.LTR, null, null);

        assertThat(FieldDirections.FROM_LANGUAGE.body(LanguageTag.SORANI)).isEqualTo(TextDirection.RTL);
        assertThat(englishHeadline.headline(LanguageTag.SORANI)).isEqualTo(TextDirection.LTR);
        assertThat(englishHeadline.body(LanguageTag.SORANI)).isEqualTo(TextDirection.RTL);
        assertThat(englishHeadline.standfirst(LanguageTag.TURKISH)).isEqualTo(TextDirection.LTR);
    }
}
