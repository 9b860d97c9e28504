package news.cms.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.comment.RejectionReason;
import news.cms.core.comment.Repeats;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.internal.RuleLists;
import news.cms.core.screening.internal.TermRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every guideline has rules in every language, abuse and off-topic markers are found, and repeats count. */
class ScreenerGuidelinesTest {

    private static final Screener SCREENER = new Screener();

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb", "tr"})
    void everyLanguagesListHasRulesForEveryGuideline(String language) {
        Set<ScreeningCategory> covered =
                RuleLists.load(language).stream().map(TermRule::category).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ScreeningCategory.class));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | Honestly, gays are SICK and should hide.       | ABUSE     | gays are SICK",
                "ar | الشواذ مرضى ولا مكان لهم                         | ABUSE     | الشواذ مرضى",
                "ckb| ئەو خەڵکە ئاژەڵن و دەبێ بڕۆن                      | ABUSE     | ئەو خەڵکە ئاژەڵن",
                "tr | Bence o insanlar HAYVAN, gitsinler.              | ABUSE     | o insanlar HAYVAN",
                "en | Off topic, but has anyone seen my cat?          | OFF_TOPIC | Off topic",
                "ar | خارج الموضوع: من يعرف مطعما جيدا؟                | OFF_TOPIC | خارج الموضوع",
                "ckb| دەرەوەی بابەت، کێ یاریی دوێنێی بینی؟              | OFF_TOPIC | دەرەوەی بابەت",
                "tr | KONU DIŞI ama dün maçı izleyen var mı?           | OFF_TOPIC | KONU DIŞI"
            })
    void abuseAndOffTopicMarkersAreFoundWithEvidence(
            String language, String text, ScreeningCategory category, String matched) {
        ScreeningResult result = SCREENER.screen(text, LanguageTag.of(language));
        assertThat(result.evidence()).as(text).anySatisfy(e -> {
            assertThat(e.category()).isEqualTo(category);
            assertThat(e.matched()).isEqualTo(matched);
            assertThat(text.substring(e.start(), e.end())).isEqualTo(matched);
        });
        assertThat(result.suggestedReason()).isEqualTo(category.reason());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The topic of the off-season budget is unrelated to sport.",
                "en | Animal shelters in Essex took in more dogs this year.",
                "ar | الموضوع الرئيسي خارج نطاق البحث في مدينة المرج",
                "ckb| بابەتی دەرەوە لە کۆبوونەوەی هەولێر باس کرا",
                "tr | Konu, dışişleri bakanının Hayvanat Bahçesi ziyareti."
            })
    void wordsOfTheNewPhrasesOnTheirOwnAreNotFlagged(String language, String text) {
        assertThat(SCREENER.screen(text, LanguageTag.of(language)).evidence())
                .as(text)
                .isEmpty();
    }

    @Test
    void theSameTextFromTheSameClientAgainIsSpamOverTheWholeText() {
        String text = "Great article, everyone should read it";
        ScreeningResult first = SCREENER.screen(text, LanguageTag.ENGLISH, Repeats.NONE);
        ScreeningResult again = SCREENER.screen(text, LanguageTag.ENGLISH, new Repeats(1, 1));

        assertThat(first.flagged()).isFalse();
        assertThat(again.suggestedReason()).isEqualTo(RejectionReason.SPAM);
        assertThat(again.evidence()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(Screener.REPEATED_BY_CLIENT);
            assertThat(e.start()).isZero();
            assertThat(e.end()).isEqualTo(text.length());
        });
    }

    @Test
    void aTextPostedOnTheArticleByOthersTwiceBeforeIsACampaign() {
        String text = "ئەم هەواڵە درۆیە، بڕۆن بۆ کەناڵەکەمان";
        assertThat(SCREENER.screen(text, LanguageTag.SORANI, new Repeats(0, 1)).flagged())
                .as("one earlier post by someone else is a coincidence")
                .isFalse();
        ScreeningResult campaign = SCREENER.screen(text, LanguageTag.SORANI, new Repeats(0, 2));
        assertThat(campaign.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.rule()).isEqualTo(Screener.REPEATED_ON_ARTICLE));
    }

    @Test
    void repeatsAddToWhatTheWordsFound() {
        String text = "Buy now at cheap-watches.shop";
        ScreeningResult once = SCREENER.screen(text, LanguageTag.ENGLISH, Repeats.NONE);
        ScreeningResult repeated = SCREENER.screen(text, LanguageTag.ENGLISH, new Repeats(3, 3));
        assertThat(repeated.evidence()).hasSize(once.evidence().size() + 2);
        assertThat(repeated.risk()).isGreaterThan(once.risk());
    }
}
