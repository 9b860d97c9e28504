package news.cms.core.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDigestTest {

    private static TextDigest digest(String text) {
        return TextDigest.of(new CommentText(text));
    }

    @Test
    void caseSpacingAndPunctuationDoNotMakeANewText() {
        assertThat(digest("Buy now!!! Visit  my shop")).isEqualTo(digest("buy now, visit my SHOP"));
        assertThat(digest("KANALIMA ABONE OLUN")).isEqualTo(digest("kanalıma abone olun"));
    }

    @Test
    void harakatAndTatweelDoNotMakeANewText() {
        assertThat(digest("تابـــعوني على قناتي")).isEqualTo(digest("تَابِعُونِي عَلَى قَنَاتِي"));
    }

    @Test
    void differentWordsAreDifferentTexts() {
        assertThat(digest("بڕۆن بۆ کەناڵەکەمان")).isNotEqualTo(digest("بڕۆن بۆ کەناڵەکەتان"));
    }
}
