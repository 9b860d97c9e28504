package news.cms.core.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import news.cms.core.article.ArticleId;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

/** Names and texts show moderators what readers will see: nothing hidden, nothing turned around. */
class VisibleTextTest {

    private static final String RLO = "\u202E";
    private static final String ZWNJ = "\u200C";

    @Test
    void aCommentOfOnlyInvisibleCharactersIsRefusedInEveryDisguise() {
        for (String invisible : List.of(
                "\u00A0\u00A0\u00A0", // NBSP
                "\u200B\u200B", // ZWSP
                ZWNJ + " " + ZWNJ,
                "\u3164\u3164", // Hangul filler
                "\u2800\u2800\u2800", // braille blank
                "\u2060\uFEFF\u00AD", // word joiner, BOM, soft hyphen
                "\u2003\u3000\u202F", // em space, ideographic space, narrow NBSP
                RLO + "\u2066\u2069" + "\u200F",
                "\uFE0F\u115F\u1160\uFFA0")) {
            assertThatThrownBy(() -> newComment("Aram", invisible))
                    .as(invisible
                            .codePoints()
                            .mapToObj(Integer::toHexString)
                            .toList()
                            .toString())
                    .isInstanceOf(InvalidText.class)
                    .hasMessageContaining("comment text")
                    .hasMessageContaining("shows nothing");
        }
        assertThatThrownBy(() -> newComment("\u3164" + ZWNJ + "\u00A0", "باشە"))
                .isInstanceOf(InvalidText.class)
                .hasMessageContaining("display name");
    }

    @Test
    void visibleTextAmongInvisibleCharactersIsAccepted() {
        assertThat(newComment("Aram", "\u00A0سوپاس\u200B").text().value()).contains("سوپاس");
        assertThat(newComment("Aram", "👍").text().value()).isEqualTo("👍");
        assertThat(newComment("Aram", ".").text().value()).isEqualTo(".");
    }

    @Test
    void bidiOverridesAndIsolatesAreRemovedSoANameCannotTurnAround() {
        // Shown with the override, "Ayşe" + RLO + "gnp.exe" reads "Ayşeexe.png".
        assertThat(new DisplayName("Ayşe" + RLO + "gnp.exe").value()).isEqualTo("Ayşegnp.exe");
        assertThat(new DisplayName("\u202Bسارا\u202C \u2067ئەحمەد\u2069").value())
                .isEqualTo("سارا ئەحمەد");
        assertThat(new CommentText("price " + RLO + "0001 not 1000\u202C!").value())
                .isEqualTo("price 0001 not 1000!");
        // Implicit marks stay: they place neutrals beside Arabic text and cannot reverse a run.
        assertThat(new CommentText("العدد 25\u200F%").value()).isEqualTo("العدد 25\u200F%");
    }

    @Test
    void zwnjStaysInsideSoraniAndPersianWordsAndGoesWhereItOnlyHides() {
        // Sorani in the older spelling marks the vowel e with heh + ZWNJ: "بە‌ڵام", "دە‌کات".
        String sorani = "به" + ZWNJ + "ڵام ده" + ZWNJ + "کات";
        assertThat(new CommentText(sorani).value()).isEqualTo(sorani);
        String persian = "می" + ZWNJ + "خواهم";
        assertThat(new CommentText(persian).value()).isEqualTo(persian);
        // Emoji sequences keep their ZWJ.
        assertThat(new CommentText("👩\u200D💻").value()).isEqualTo("👩\u200D💻");

        // At the ends, beside spaces and in runs it shows nothing: gone (a run keeps one).
        assertThat(new CommentText(ZWNJ + "شكرا" + ZWNJ + " جزيلا" + ZWNJ).value())
                .isEqualTo("شكرا جزيلا");
        assertThat(new CommentText("نووسەر" + ZWNJ + ZWNJ + ZWNJ + "ەکان").value())
                .isEqualTo("نووسەر" + ZWNJ + "ەکان");
    }

    @Test
    void namesCollapseEveryKindOfSpace() {
        assertThat(new DisplayName("\u00A0Zeynep\u00A0\u00A0Kaya\u3000").value())
                .isEqualTo("Zeynep Kaya");
    }

    @Test
    void commentsStoredBeforeTheseRulesStillLoad() {
        // A row of only an override or only NBSP was accepted before; reading it must not fail.
        assertThat(new CommentText(RLO).value()).isEqualTo(RLO);
        assertThat(new CommentText(RLO).isVisible()).isFalse();
        assertThat(new DisplayName("\u00A0").isVisible()).isFalse();
    }

    private static NewComment newComment(String name, String text) {
        return new NewComment(
                new ArticleId(UUID.randomUUID()),
                LanguageTag.SORANI,
                new DisplayName(name),
                null,
                new CommentText(text),
                new ClientFingerprint("test-client"),
                new IdempotencyKey("k-1"));
    }
}
