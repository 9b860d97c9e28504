package news.cms.searchnode.analysis;

import static news.cms.searchnode.analysis.ArabicScriptFolding.Target.ARABIC;
import static news.cms.searchnode.analysis.ArabicScriptFolding.Target.SORANI;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicScriptFoldingTest {

    @Test
    void foldsEachLetterClassIntoTheTargetLetter() {
        assertThat(ArabicScriptFolding.fold("\u064A\u0649\u06CC", SORANI)).isEqualTo("\u06CC\u06CC\u06CC");
        assertThat(ArabicScriptFolding.fold("\u064A\u0649\u06CC", ARABIC)).isEqualTo("\u064A\u064A\u064A");
        assertThat(ArabicScriptFolding.fold("\u0643\u06A9", SORANI)).isEqualTo("\u06A9\u06A9");
        assertThat(ArabicScriptFolding.fold("\u0643\u06A9", ARABIC)).isEqualTo("\u0643\u0643");
        assertThat(ArabicScriptFolding.fold("\u0647\u06D5\u0629", SORANI)).isEqualTo("\u06D5\u06D5\u06D5");
        assertThat(ArabicScriptFolding.fold("\u0647\u06D5\u0629", ARABIC)).isEqualTo("\u0647\u0647\u0647");
    }

    @Test
    void removesTatweelHarakatAndInvisibleCharacters() {
        // tatweel, fatha, shadda, superscript alef, ZWNJ, ZWJ, right-to-left mark, Arabic letter mark
        String noisy = "ك\u0640ت\u064E\u0651ا\u0670ب\u200C\u200D\u200F\u061C";
        assertThat(ArabicScriptFolding.fold(noisy, ARABIC)).isEqualTo("كتاب");
    }

    @Test
    void foldsArabicIndicAndEasternArabicIndicDigits() {
        assertThat(ArabicScriptFolding.fold("٠١٢٣٤٥٦٧٨٩", ARABIC)).isEqualTo("0123456789");
        assertThat(ArabicScriptFolding.fold("۰۱۲۳۴۵۶۷۸۹", SORANI)).isEqualTo("0123456789");
    }

    @Test
    void leavesOtherScriptsAndSoraniOnlyLettersAlone() {
        assertThat(ArabicScriptFolding.fold("Hewlêr İstanbul 2026", ARABIC)).isEqualTo("Hewlêr İstanbul 2026");
        // ێ ۆ ڵ ڕ are letters of their own in Sorani, not spelling variants
        assertThat(ArabicScriptFolding.fold("ێۆڵڕ", SORANI)).isEqualTo("ێۆڵڕ");
    }
}
