package news.cms.core.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void normalisesToNfc() {
        String decomposedI = "I\u0307stanbul"; // I + combining dot above
        assertThat(Texts.clean(decomposedI, "headline")).isEqualTo("İstanbul");
        assertThat(Texts.clean("cafe\u0301", "headline")).isEqualTo("café");
    }

    @Test
    void dropsControlCharactersButKeepsLinesAndJoiners() {
        assertThat(Texts.clean("a\u0000b\u0007c\r\nd\te", "body")).isEqualTo("abc\nd\te");
        // ZWNJ is meaningful in Sorani and Persian words and must survive.
        assertThat(Texts.clean("نووسەر\u200Cەکان", "body")).contains("\u200C");
    }

    @Test
    void textAlreadyCleanAndInNfcComesBackAsItIsAndALoneLowSurrogateIsStillRefused() {
        String sorani = "پردەکە ئەمڕۆ کرایەوە\nنووسەر\u200Cەکان\t📰";
        assertThat(Texts.clean(sorani, "body")).isSameAs(sorani);
        String turkish = "İzmir'de köprü açıldı";
        assertThat(Texts.clean(turkish, "headline")).isSameAs(turkish);
        assertThatThrownBy(() -> Texts.clean("\uDC00 المكتبة", "headline")).isInstanceOf(InvalidText.class);
        assertThatThrownBy(() -> Texts.clean("المكتبة \uD83D", "headline")).isInstanceOf(InvalidText.class);
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThatThrownBy(() -> Texts.clean("bad \uD800 text", "headline"))
                .isInstanceOf(InvalidText.class)
                .hasMessageContaining("headline");
        assertThat(Texts.clean("emoji \uD83D\uDCF0 ok", "headline")).isEqualTo("emoji 📰 ok");
    }

    @Test
    void requiredRefusesBlank() {
        assertThatThrownBy(() -> Texts.required(" \u0000 \n", "headline"))
                .isInstanceOf(InvalidText.class)
                .hasMessage("headline must not be blank");
    }
}
