package news.cms.core.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTagTest {

    @ParameterizedTest
    @CsvSource({"en, LTR", "ar, RTL", "ckb, RTL", "tr, LTR", "ckb-IQ, RTL", "ku-Arab, RTL", "ku-Latn, LTR"})
    void directionFollowsTheLanguage(String tag, TextDirection direction) {
        assertThat(LanguageTag.of(tag).direction()).isEqualTo(direction);
    }

    @Test
    void canonicalisesCase() {
        assertThat(LanguageTag.of("CKB-iq").value()).isEqualTo("ckb-IQ");
    }

    @Test
    void refusesWhatIsNotATag() {
        assertThatThrownBy(() -> LanguageTag.of("english language")).isInstanceOf(InvalidLanguageTag.class);
        assertThatThrownBy(() -> LanguageTag.of("")).isInstanceOf(InvalidLanguageTag.class);
        assertThatThrownBy(() -> LanguageTag.of(null)).isInstanceOf(InvalidLanguageTag.class);
    }

    /** Tags are kept once read; a refused one is refused every time, a kept one stays canonical. */
    @Test
    void aTagReadAgainIsTheSameTagAndARefusedOneStaysRefused() {
        assertThat(LanguageTag.of(" AR ")).isEqualTo(LanguageTag.ARABIC).isSameAs(LanguageTag.of(" AR "));
        assertThat(LanguageTag.of("ckb").value()).isEqualTo("ckb");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> LanguageTag.of("xx-not a tag")).isInstanceOf(InvalidLanguageTag.class);
            assertThatThrownBy(() -> LanguageTag.of("qqq")).isInstanceOf(InvalidLanguageTag.class);
        }
    }
}
