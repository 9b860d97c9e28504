package news.cms.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.Repeats;
import news.cms.core.comment.TextDigest;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.FuzzText;

/**
 * Whatever a reader posts, the intake's normalisation either refuses it as invalid text or keeps it,
 * and screening then never throws, and every piece of evidence points into the text it screened:
 * {@code [start, end)} inside it, on code point boundaries, and the text there is the evidence's
 * {@code matched} (what the queue highlights). The stored JSON reads back as the same result. Seeds
 * in {@code ScreeningFuzzTestInputs}; fuzzing: docs/adr/0012.
 */
class ScreeningFuzzTest {

    private static final Screener SCREENER = new Screener();
    private static final List<LanguageTag> LANGUAGES =
            List.of(LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH);

    @FuzzTest(maxDuration = "90s")
    void evidencePointsIntoTheScreenedText(byte[] data) {
        String posted = FuzzText.of(data);
        try {
            new DisplayName(posted);
        } catch (InvalidText refused) {
            // a name is refused like a text: with 422, never a crash
        }
        CommentText text;
        try {
            text = new CommentText(posted);
        } catch (InvalidText refused) {
            return; // the one documented refusal (422 at the intake)
        }
        TextDigest.of(text);
        String screened = text.value();
        LanguageTag language = LANGUAGES.get(data.length % LANGUAGES.size());

        assertEvidenceHolds(screened, SCREENER.screen(screened, language));
        ScreeningResult repeated = SCREENER.screen(screened, language, new Repeats(1, Screener.ARTICLE_REPEATS));
        assertEvidenceHolds(screened, repeated);
        assertThat(ScreeningResult.fromJson(repeated.toJson())).isEqualTo(repeated);
    }

    private static void assertEvidenceHolds(String text, ScreeningResult result) {
        assertThat(result.risk()).isBetween(0, 100);
        for (Evidence e : result.evidence()) {
            assertThat(e.start()).as("start of %s", e).isBetween(0, e.end() - 1);
            assertThat(e.end()).as("end of %s", e).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(e.start(), e.end())).as("text at %s", e).isEqualTo(e.matched());
            assertThat(splitsASurrogatePair(text, e.start()) || splitsASurrogatePair(text, e.end()))
                    .as("%s cuts a character in two", e)
                    .isFalse();
        }
    }

    private static boolean splitsASurrogatePair(String text, int at) {
        return at > 0
                && at < text.length()
                && Character.isHighSurrogate(text.charAt(at - 1))
                && Character.isLowSurrogate(text.charAt(at));
    }
}
