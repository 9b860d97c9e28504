package news.cms.searchnode.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Runs the analyzers through Lucene directly, on sample text of our own. */
class CmsAnalyzersTest {

    // "Erbil is the capital of the Kurdistan Region; the city's citadel is very old."
    private static final String SORANI_WITH_SORANI_LETTERS =
            "هەولێر پایتەختی هەرێمی کوردستانە و قەڵاکەی شارەکە زۆر کۆنە.";
    // The same sentence typed on an Arabic keyboard: ي for ی, ك for ک, ه/ة for ە, with a tatweel
    // and a zero-width non-joiner thrown in.
    private static final String SORANI_WITH_ARABIC_LETTERS =
            "ههولێر پايتهختي ههرێمي كوردستانة و قهڵاكهي شارهكه زۆر كۆنه\u200C.";

    @Test
    void soraniTypedWithArabicLettersGivesTheSameTermsAsSoraniLetters() {
        Analyzer sorani = CmsAnalyzers.sorani();
        List<String> expected = terms(sorani, SORANI_WITH_SORANI_LETTERS);
        assertThat(expected).contains("کوردست", "شارە");
        assertThat(terms(sorani, SORANI_WITH_ARABIC_LETTERS)).isEqualTo(expected);
    }

    @Test
    void soraniWordsMeetInBothDirections() {
        Analyzer sorani = CmsAnalyzers.sorani();
        // a query typed with Arabic letters finds text with Sorani letters ...
        assertThat(terms(sorani, "كوردستان")).isEqualTo(terms(sorani, "کوردستان"));
        assertThat(terms(sorani, "شارهكه")).isEqualTo(terms(sorani, "شارەکە"));
        assertThat(terms(sorani, "كهركووك")).isEqualTo(terms(sorani, "کەرکووک"));
        // ... and the other way round; the definite suffix is stemmed the same either way
        assertThat(terms(sorani, "قەڵاکە")).isEqualTo(terms(sorani, "قهڵاكه"));
        assertThat(terms(sorani, "قەڵاکەی")).isEqualTo(terms(sorani, "قهڵاكهي"));
        // the stemmer works on the folded form: "the cities" and "the city" share a stem
        assertThat(terms(sorani, "شارهكان")).isEqualTo(terms(sorani, "شارەکە"));
    }

    @Test
    void soraniDropsStopWordsTypedEitherWay() {
        Analyzer sorani = CmsAnalyzers.sorani();
        // "لەگەڵ" (with) and "هەروەها" (also) are stop words, however they are typed
        assertThat(terms(sorani, "لەگەڵ هەروەها هەولێر")).isEqualTo(terms(sorani, "لهگهڵ ههروهها ههولێر"));
        assertThat(terms(sorani, "لهگهڵ ههروهها ههولێر")).hasSize(1);
    }

    @Test
    void soraniFoldsDigitsDiacriticsAndInvisibleCharacters() {
        Analyzer sorani = CmsAnalyzers.sorani();
        assertThat(terms(sorani, "ساڵی ٢٠٢٦")).contains("2026");
        assertThat(terms(sorani, "ساڵی ۲۰۲۶")).contains("2026");
        assertThat(terms(sorani, "کـوردسـتان")).isEqualTo(terms(sorani, "کوردستان"));
        assertThat(terms(sorani, "کورد\u200Dستان")).isEqualTo(terms(sorani, "کوردستان"));
    }

    // "The Kurdistan parliament met in Erbil yesterday."
    private static final String ARABIC = "اجتمع برلمان كوردستان في مدينة أربيل يوم أمس.";

    @Test
    void arabicWithPersianOrKurdishLettersGivesTheSameTerms() {
        Analyzer arabic = CmsAnalyzers.arabic();
        List<String> expected = terms(arabic, ARABIC);
        assertThat(expected).contains("مدين", "اربيل");
        // Farsi yeh, keheh, Kurdish ae, tatweel, harakat and a ZWNJ
        String variants = "اجتمع بَرلمان کوردستان فی مـدینە أربیل\u200C یوم أمس.";
        assertThat(terms(arabic, variants)).isEqualTo(expected);
    }

    @Test
    void arabicFoldsAlefMaksuraAndTehMarbutaAndDigits() {
        Analyzer arabic = CmsAnalyzers.arabic();
        assertThat(terms(arabic, "مستشفى")).isEqualTo(terms(arabic, "مستشفي"));
        assertThat(terms(arabic, "مستشفى")).isEqualTo(terms(arabic, "مستشفی"));
        assertThat(terms(arabic, "مدينة")).isEqualTo(terms(arabic, "مدينه"));
        assertThat(terms(arabic, "عام ١٩٩١")).contains("1991");
    }

    @Test
    void arabicKeepsTheNameAliWhileDroppingTheStopWordOn() {
        Analyzer arabic = CmsAnalyzers.arabic();
        assertThat(terms(arabic, "على")).isEmpty();
        assertThat(terms(arabic, "علي")).isNotEmpty();
        assertThat(terms(arabic, "علی")).isEqualTo(terms(arabic, "علي"));
        // في "in" is a stop word also when typed with a Farsi yeh
        assertThat(terms(arabic, "في")).isEmpty();
        assertThat(terms(arabic, "فی")).isEmpty();
    }

    @Test
    void turkishLowercasesDottedAndDotlessI() {
        Analyzer turkish = CmsAnalyzers.all().get(CmsAnalyzers.TURKISH).get();
        // "The Istanbul light festival starts in the evening."
        List<String> terms = terms(turkish, "İSTANBUL IŞIK Festivali akşam başlıyor");
        assertThat(terms.get(0)).isEqualTo("istanbul");
        assertThat(terms.get(1)).startsWith("ışık");
        assertThat(terms).noneMatch(t -> t.contains("i̇")); // no "i" followed by a combining dot
        assertThat(terms(turkish, "Istanbul")).isNotEqualTo(terms(turkish, "İstanbul"));
    }

    @Test
    void englishStemsAndDropsStopWords() {
        Analyzer english = CmsAnalyzers.all().get(CmsAnalyzers.ENGLISH).get();
        assertThat(terms(english, "The editors are publishing stories on Erbil's markets"))
                .containsExactly("editor", "publish", "stori", "erbil", "market");
    }

    @Test
    void defaultAnalyzerFoldsArabicScriptWithoutStemming() {
        Analyzer standard = CmsAnalyzers.all().get(CmsAnalyzers.DEFAULT).get();
        assertThat(terms(standard, "Kurdistan کوردستانە ۲۰۲۶")).containsExactly("kurdistan", "كوردستانه", "2026");
        assertThat(terms(standard, "كوردستانة")).isEqualTo(terms(standard, "کوردستانە"));
    }

    @Test
    void multiTermNormalizationFoldsToo() {
        Analyzer sorani = CmsAnalyzers.sorani();
        assertThat(sorani.normalize("f", "كوردستان").utf8ToString()).isEqualTo("کوردستان");
        Analyzer arabic = CmsAnalyzers.arabic();
        assertThat(arabic.normalize("f", "کوردستان").utf8ToString()).isEqualTo("كوردستان");
        // a term folded to nothing still normalises to one (empty) term, as normalizers require
        assertThat(arabic.normalize("f", "\u0640\u200C").utf8ToString()).isEmpty();
    }

    @Test
    void everyAnalyzerIsRegisteredUnderItsCmsName() {
        assertThat(CmsAnalyzers.all())
                .containsOnlyKeys(
                        "cms_english",
                        "cms_arabic",
                        "cms_sorani",
                        "cms_turkish",
                        "cms_default",
                        "cms_turkish_folded",
                        "cms_arabic_folded",
                        "cms_sorani_folded");
    }

    @Test
    void turkishFoldedMeetsCapitalsWithoutDotsAndAsciiTyping() {
        Analyzer folded = CmsAnalyzers.turkishFolded();
        assertThat(terms(folded, "İzmir'de IZMIR izmir")).containsExactly("izmir", "izmir", "izmir");
        assertThat(terms(folded, "Diyarbakır DIYARBAKIR diyarbakir")).containsOnly("diyarbakir");
        assertThat(terms(folded, "Iğdır IĞDIR igdir")).containsOnly("igdir");
    }

    @Test
    void soraniFoldedMeetsSoraniTypedOnAnArabicKeyboard() {
        Analyzer folded = CmsAnalyzers.soraniFolded();
        // "The director of the Zê river says the farmers of the Erbil plain are glad", with its letters
        String sorani = "بەڕێوەبەری ڕووباری زێ دەڵێت جووتیارانی دەشتی هەولێر دڵخۆشن";
        // the same typed on an Arabic keyboard: ر for ڕ, ي for ێ, ل for ڵ, و for ۆ, ه for ە, ك for ک
        String arabicKeyboard = "بهريوهبهري رووباري زي دهليت جووتياراني دهشتي ههولير دلخوشن";
        assertThat(terms(folded, arabicKeyboard)).isEqualTo(terms(folded, sorani));
        assertThat(terms(folded, "کێڵگەکان")).isEqualTo(terms(folded, "كيلگهكان"));
        assertThat(terms(folded, "ئاوی")).isEqualTo(terms(folded, "ئاوي"));
        // the main Sorani field keeps ڵ and ل apart (گوڵ "flower", گول "goal" in football reports)
        assertThat(terms(CmsAnalyzers.sorani(), "گوڵ")).isNotEqualTo(terms(CmsAnalyzers.sorani(), "گول"));
        assertThat(terms(folded, "گوڵ")).isEqualTo(terms(folded, "گول"));
    }

    @Test
    void soraniFoldedStillStemsAndDropsStopWords() {
        Analyzer folded = CmsAnalyzers.soraniFolded();
        // "the fields" and "field" share a stem typed either way; لەگەڵ "with" is a stop word either way
        assertThat(terms(folded, "كيلگهكه")).isEqualTo(terms(folded, "کێڵگەکان"));
        assertThat(terms(folded, "لهگهل")).isEmpty();
        assertThat(terms(folded, "لەگەڵ")).isEmpty();
    }

    @Test
    void arabicFoldedMeetsEveryHamzaSeatAndNone() {
        Analyzer folded = CmsAnalyzers.arabicFolded();
        // "the official": hamza on waw, on yeh (as often written in Egypt) and left out
        List<String> onWaw = terms(folded, "المسؤول");
        List<String> onYeh = terms(folded, "المسئول");
        List<String> none = terms(folded, "المسوول");
        assertThat(onWaw).containsAnyElementsOf(onYeh).containsAnyElementsOf(none);
        assertThat(terms(folded, "الشؤون")).containsAnyElementsOf(terms(folded, "الشئون"));
        assertThat(terms(folded, "رئيس")).containsAnyElementsOf(terms(folded, "رييس"));
        // hamza on alef, madda, tatweel, harakat and Persian letters fold as in the main field
        assertThat(terms(folded, "إفتتاح آخر مَـرفأ جدید")).isEqualTo(terms(folded, "افتتاح اخر مرفا جديد"));
        // the main Arabic field keeps مسؤول and مسئول apart
        assertThat(terms(CmsAnalyzers.arabic(), "مسؤول")).isNotEqualTo(terms(CmsAnalyzers.arabic(), "مسئول"));
    }

    @Test
    void arabicFoldedGivesTheSecondSpellingAtTheSamePosition() throws IOException {
        try (TokenStream stream = CmsAnalyzers.arabicFolded().tokenStream("f", "قال المسؤول اليوم")) {
            var increment =
                    stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            stream.reset();
            List<Integer> increments = new ArrayList<>();
            while (stream.incrementToken()) {
                increments.add(increment.getPositionIncrement());
            }
            stream.end();
            assertThat(increments).containsExactly(1, 1, 0, 1);
        }
    }

    @Test
    void typingVariantFoldersNormaliseMultiTermQueriesToOneTerm() {
        assertThat(CmsAnalyzers.soraniFolded().normalize("f", "هەولێر").utf8ToString())
                .isEqualTo(CmsAnalyzers.soraniFolded().normalize("f", "ههولير").utf8ToString());
        assertThat(CmsAnalyzers.arabicFolded().normalize("f", "مسؤول").utf8ToString())
                .isEqualTo("مسوول");
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("field", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
