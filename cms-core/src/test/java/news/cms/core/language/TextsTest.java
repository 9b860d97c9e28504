package news.cms.core.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.SplittableRandom;
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

    /**
     * The quick check of already-clean text takes most characters by their range; it must agree with
     * the rule written out (paired surrogates only, no control character but a line break or a tab)
     * on text mixing the four languages' letters with every kind of character the rule is about.
     */
    @Test
    void theQuickCheckAgreesWithTheRuleOverRandomText() {
        char[] alphabet = ("aZ09 .,'\"~-Ççğİıöşü" + "المكتبةٌ،؛" + "کوردیێۆڕەڵ" + "\u200C\u200D\u00A0\u00AD"
                        + "\n\t\r\u0000\u0007\u001F\u007F\u0080\u009F\u00A0\uD7FF\uE000\uFEFF\uFFFD"
                        + "\uD83D\uDCF0\uD800\uDBFF\uDC00\uDFFF\u0301\u0307")
                .toCharArray();
        SplittableRandom random = new SplittableRandom(20261207);
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(0, 24)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            String expected = cleanAsWritten(s);
            if (expected == null) {
                assertThatThrownBy(() -> Texts.clean(s, "body"))
                        .as("%s", s.chars().boxed().toList())
                        .isInstanceOf(InvalidText.class);
            } else {
                assertThat(Texts.clean(s, "body"))
                        .as("%s", s.chars().boxed().toList())
                        .isEqualTo(expected);
            }
        }
    }

    /** The rule, one character at a time: null where the text is refused. */
    private static String cleanAsWritten(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                return null;
            } else if (!Character.isISOControl(c) || c == '\n' || c == '\t') {
                out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
