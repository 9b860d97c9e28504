package news.cms.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScreenerTest {

    private static final Screener SCREENER = new Screener();

    private static ScreeningResult screen(String text, LanguageTag language) {
        return SCREENER.screen(text, language);
    }

    private static List<ScreeningCategory> categories(ScreeningResult result) {
        return result.evidence().stream().map(Evidence::category).distinct().toList();
    }

    /** Every piece of evidence points at exactly what it says it matched in the original text. */
    private static void assertOffsetsHold(String text, ScreeningResult result) {
        for (Evidence e : result.evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.matched());
        }
    }

    @Test
    void theListsLoad() {
        assertThat(SCREENER.termCount()).isGreaterThan(100);
    }

    @Test
    void aCleanCommentHasNoEvidenceAndNoSuggestionButIsNotApproved() {
        ScreeningResult result = screen("Thanks for the careful reporting on the water shortage.", LanguageTag.ENGLISH);
        assertThat(result.flagged()).isFalse();
        assertThat(result.risk()).isZero();
        assertThat(result.suggestedReason()).isNull();
    }

    @Nested
    class English {

        @Test
        void findsProfanityWithOffsetsInTheOriginal() {
            String text = "What a load of crap, honestly.";
            ScreeningResult result = screen(text, LanguageTag.ENGLISH);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ScreeningCategory.PROFANITY);
                assertThat(e.rule()).isEqualTo("crap");
                assertThat(e.start()).isEqualTo(15);
                assertThat(e.end()).isEqualTo(19);
            });
            assertThat(result.suggestedReason()).isEqualTo(RejectionReason.PROFANITY);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "You are an 1d10t",
                    "you are an IDIOT",
                    "you are an idiooooot",
                    "what 1d1ots",
                    "you @ss",
                    "a$$"
                })
        void seesThroughLeetspeakCaseAndStretching(String text) {
            ScreeningResult result = screen(text, LanguageTag.ENGLISH);
            assertThat(result.flagged()).as(text).isTrue();
            assertOffsetsHold(text, result);
        }

        @Test
        void stretchedLettersAreHighlightedWhole() {
            String text = "sooo fuuuuuck this";
            Evidence e = screen(text, LanguageTag.ENGLISH).evidence().getFirst();
            assertThat(e.matched()).isEqualTo("fuuuuuck");
        }

        @Test
        void threatsOutrankProfanityInTheSuggestion() {
            ScreeningResult result = screen("damn you, I will kill you", LanguageTag.ENGLISH);
            assertThat(result.suggestedReason()).isEqualTo(RejectionReason.THREATS);
            assertThat(categories(result)).contains(ScreeningCategory.THREATS, ScreeningCategory.PROFANITY);
            assertThat(result.risk()).isGreaterThan(60);
        }

        @Test
        void invisibleCharactersDoNotHideAWord() {
            String text = "you id\u200Bi\u00ADot";
            ScreeningResult result = screen(text, LanguageTag.ENGLISH);
            assertThat(result.evidence())
                    .singleElement()
                    .satisfies(e -> assertThat(e.matched()).isEqualTo("id\u200Bi\u00ADot"));
        }

        @Test
        void fullwidthLettersFoldByNfkc() {
            assertThat(screen("ｃｒａｐ", LanguageTag.ENGLISH).flagged()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Arsenal won at home in Essex.",
                    "The class passed the assessment in Assisi.",
                    "Charles Dickens wrote about Scunthorpe? No, about London.",
                    "They scrapped the crappie fishing ban.",
                    "Say hello to Shellharbour and Amsterdam.",
                    "The assassin was caught; classic passage.",
                    "He killed time reading about skills.",
                    "Shiitake prices rose in 2019-2020 to 1,250,000 dinars.",
                    "Rates rose 3.5% and 7 of 10 said so!",
                    "Idiotic? No: an idiom."
                })
        void ordinaryWordsAndPlaceNamesContainingAListedWordAreNotFlagged(String text) {
            assertThat(screen(text, LanguageTag.ENGLISH).evidence()).as(text).isEmpty();
        }
    }

    @Nested
    class Arabic {

        @Test
        void findsAnInsultWithHarakatTatweelAndAttachedArticle() {
            String text = "أنت غـــبِيٌّ جداً";
            ScreeningResult result = screen(text, LanguageTag.ARABIC);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ScreeningCategory.PERSONAL_ATTACKS);
                assertThat(e.matched()).isEqualTo("غـــبِيٌّ");
            });
            assertOffsetsHold(text, result);
            assertThat(result.suggestedReason()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"يا حمار", "هذا الحمار", "والحمار", "انت غبية", "انت غبى", "انت غبی", "يا كــلب"})
        void variantLettersCliticsAndFeminineEndings(String text) {
            ScreeningResult result = screen(text, LanguageTag.ARABIC);
            assertThat(categories(result)).as(text).containsExactly(ScreeningCategory.PERSONAL_ATTACKS);
            assertOffsetsHold(text, result);
        }

        @Test
        void threatWithAlefVariantsAndZwnj() {
            String text = "ساقت\u200Cلك غدا";
            ScreeningResult result = screen(text, LanguageTag.ARABIC);
            assertThat(result.suggestedReason()).isEqualTo(RejectionReason.THREATS);
            assertThat(screen("سأقتلك", LanguageTag.ARABIC).suggestedReason()).isEqualTo(RejectionReason.THREATS);
        }

        @Test
        void presentationFormsFoldByNfkc() {
            // غبي in isolated/final presentation forms
            assertThat(screen("\uFECF\uFE92\uFEF2", LanguageTag.ARABIC).flagged())
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "وضعت الشرطة الكلبشات في يديه",
                    "تحقيق في مدينة كلباء",
                    "قال الحمارنة إن الاجتماع تأجل",
                    "قلب المدينة القديمة"
                })
        void wordsContainingAListedWordAreNotFlagged(String text) {
            assertThat(screen(text, LanguageTag.ARABIC).evidence()).as(text).isEmpty();
        }

        @Test
        void arabicIndicPhoneNumberIsPromotion() {
            String text = "اتصلوا على ٠٧٧٠١٢٣٤٥٦٧ للطلب";
            ScreeningResult result = screen(text, LanguageTag.ARABIC);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ScreeningCategory.PROMOTION);
                assertThat(e.rule()).isEqualTo("phone");
                assertThat(e.matched()).isEqualTo("٠٧٧٠١٢٣٤٥٦٧");
            });
        }
    }

    @Nested
    class Sorani {

        @Test
        void findsAnInsultWithKurdishLettersAndSuffix() {
            String text = "تۆ گەمژەیت";
            ScreeningResult result = screen(text, LanguageTag.SORANI);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ScreeningCategory.PERSONAL_ATTACKS);
                assertThat(e.matched()).isEqualTo("گەمژەیت");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"تۆ گەمژەیت", "تو گەمژهیت", "تۆ گەمژەيت", "تۆ گەمـــژە", "کەرە", "ئەو كەرە"})
        void arabicAndPersianLetterVariantsMatchToo(String text) {
            assertThat(categories(screen(text, LanguageTag.SORANI)))
                    .as(text)
                    .containsExactly(ScreeningCategory.PERSONAL_ATTACKS);
        }

        @Test
        void threatIsFound() {
            assertThat(screen("بە خوا دەتکوژم", LanguageTag.SORANI).suggestedReason())
                    .isEqualTo(RejectionReason.THREATS);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"هەواڵی کەرکووک و هەولێر", "کەرەستەی بیناسازی گران بوو", "سەگرمە لە بازاڕ", "گووند و شار"})
        void placeNamesAndWordsContainingAListedWordAreNotFlagged(String text) {
            assertThat(screen(text, LanguageTag.SORANI).evidence()).as(text).isEmpty();
        }

        @Test
        void theRealDoubleVowelIsKeptWhileLongerRunsCollapse() {
            assertThat(screen("گوو", LanguageTag.SORANI).flagged()).isTrue();
            assertThat(screen("گوووووو", LanguageTag.SORANI).flagged()).isTrue();
            assertThat(screen("گو", LanguageTag.SORANI).flagged()).isFalse();
        }
    }

    @Nested
    class Turkish {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "GERİZEKALI",
                    "gerizekalı",
                    "Gerizekali",
                    "GERIZEKALI",
                    "gerizekalılar",
                    "salaksın",
                    "ApTaL",
                    "4pt4l"
                })
        void dottedAndDotlessIFoldAndSuffixesAttachToStems(String text) {
            ScreeningResult result = screen(text, LanguageTag.TURKISH);
            assertThat(categories(result)).as(text).containsExactly(ScreeningCategory.PERSONAL_ATTACKS);
            assertOffsetsHold(text, result);
        }

        @Test
        void offsetsStayRightAfterDottedCapitalI() {
            String text = "İSTANBUL'da biri: SENİ ÖLDÜRECEĞİM";
            ScreeningResult result = screen(text, LanguageTag.TURKISH);
            assertThat(result.evidence()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo(ScreeningCategory.THREATS);
                assertThat(e.matched()).isEqualTo("SENİ ÖLDÜRECEĞİM");
            });
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Paketleri eve götürdüler.",
                    "Kitabı okula götürmek gerek.",
                    "Bokser maçı Amasya'da oynandı.",
                    "Malatya'da hava güzel, mal fiyatları düştü.",
                    "Sus bebeğim, uyu."
                })
        void ordinaryWordsContainingAListedWordAreNotFlagged(String text) {
            assertThat(screen(text, LanguageTag.TURKISH).evidence()).as(text).isEmpty();
        }
    }

    @Nested
    class Promotion {

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "see https://example.org/deal now",
                    "go to www.example.net",
                    "shop at cheap-deals.shop today",
                    "join t.me/cheapdeals",
                    "write wa.me/9647701234567",
                    "follow @best_deals_iq",
                    "call +964 770 123 4567",
                    "call 00964-770-123-4567",
                    "call 0532 123 45 67",
                    "mail me at deals@example.com"
                })
        void linksHandlesPhonesAndAddressesArePromotion(String text) {
            ScreeningResult result = screen(text, LanguageTag.ENGLISH);
            assertThat(categories(result)).as(text).containsExactly(ScreeningCategory.PROMOTION);
            assertThat(result.suggestedReason()).isEqualTo(RejectionReason.PROMOTION);
            assertOffsetsHold(text, result);
        }

        @Test
        void aLinkIsOneFindingNotALinkAndADomain() {
            String text = "see www.example.com.";
            assertThat(screen(text, LanguageTag.ENGLISH).evidence())
                    .singleElement()
                    .satisfies(e -> assertThat(e.matched()).isEqualTo("www.example.com"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "The budget for 2025-2026 is 1,250,000,000 dinars.",
                    "Turnout was 61.3 percent in 2024.",
                    "The end.Then it rained.",
                    "Teams met at 10:30, score 3-1."
                })
        void yearsFiguresAndSentencesAreNotPromotion(String text) {
            assertThat(screen(text, LanguageTag.ENGLISH).evidence()).as(text).isEmpty();
        }
    }

    @Test
    void theResultRoundTripsThroughItsJsonColumn() {
        ScreeningResult result = screen("يا حمار، تابعني على t.me/x_deals", LanguageTag.ARABIC);
        String json = result.toJson();
        assertThat(json).startsWith("{");
        assertThat(ScreeningResult.fromJson(json)).isEqualTo(result);
    }
}
