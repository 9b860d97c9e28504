package news.cms.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.language.TextDirection;
import org.junit.jupiter.api.Test;

class PassagesTest {

    private static final String BODY =
            "The council met at dawn.\n\nIt voted to close the old bridge.\n\n" + "Traders on both banks objected.";

    @Test
    void paragraphsAreSeparatedByBlankLines() {
        assertThat(Passages.paragraphs("  First line\nsame paragraph\n\n \n\nSecond  \n"))
                .containsExactly("First line\nsame paragraph", "Second");
        assertThat(Passages.paragraphs("")).isEmpty();
    }

    @Test
    void aQuoteIsFoundAgainInTheNearestParagraphThatHoldsIt() {
        Anchor anchor = new Anchor(1, "close the old bridge");
        assertThat(Passages.holds(anchor, BODY)).isTrue();
        assertThat(Passages.find(anchor, "A new lead.\n\n" + BODY)).isEqualTo(2);
        assertThat(Passages.find(anchor, BODY.replace("close the old bridge", "repair the bridge")))
                .isNull();
        // Twice in the text: the copy nearer the original place wins.
        assertThat(Passages.find(new Anchor(3, "bridge"), "bridge\n\nx\n\ny\n\nz\n\nthe bridge"))
                .isEqualTo(4);
        assertThat(Passages.holds(new Anchor(7, "bridge"), BODY)).isFalse();
    }

    @Test
    void anAnchorNeedsAQuote() {
        assertThatThrownBy(() -> new Anchor(0, "  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Anchor(-1, "words")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mentionsAreNamesAfterAnAtSignInAnyScriptButNotEmailAddresses() {
        assertThat(Passages.mentionedNames("@layla please check; cc @spor. write to desk@example.org"))
                .containsExactly("layla", "spor");
        assertThat(Passages.mentionedNames("@سلێمانی تکایە سەیری بکە، @rezan")).containsExactly("سلێمانی", "rezan");
        assertThat(Passages.mentionedNames("@selin @selin")).containsExactly("selin");
    }

    @Test
    void piecesCutMentionsOutAndGiveTheTextBack() {
        String text = "@layla هذه الفقرة، cc @spor.";
        assertThat(Passages.pieces(text))
                .containsExactly(
                        new Passages.Piece("@layla", true),
                        new Passages.Piece(" هذه الفقرة، cc ", false),
                        new Passages.Piece("@spor.", true));
        assertThat(String.join(
                        "",
                        Passages.pieces(text).stream().map(Passages.Piece::text).toList()))
                .isEqualTo(text);
        assertThat(Passages.pieces("")).isEmpty();
    }

    @Test
    void directionFollowsTheScriptOfTheWordsNotOfTheMentions() {
        assertThat(Passages.direction("@layla هذه الفقرة تحتاج إلى مصدر ثانٍ")).isEqualTo(TextDirection.RTL);
        assertThat(Passages.direction("@rezan ئەم ژمارەیە لە کوێوە هاتووە؟")).isEqualTo(TextDirection.RTL);
        assertThat(Passages.direction("Check the figure quoted by وزارة المالية please"))
                .isEqualTo(TextDirection.LTR);
        assertThat(Passages.direction("@selin bu rakamı kontrol eder misin?")).isEqualTo(TextDirection.LTR);
        assertThat(Passages.direction("2026")).isEqualTo(TextDirection.LTR);
    }
}
