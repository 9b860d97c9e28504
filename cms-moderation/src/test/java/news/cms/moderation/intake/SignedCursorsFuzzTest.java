package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import news.cms.core.article.ArticleId;
import news.cms.core.signing.SigningKey;
import org.springframework.http.HttpStatus;

/**
 * Readers send any {@code cursor} to the approved-comments list: {@link SignedCursors#verify} answers
 * each with a position or {@link IntakeRefused} 400 {@code invalid-cursor}, nothing else. Each input
 * is tried as the cursor itself and, correctly signed for this article, as the core cursor it
 * carries, so the parsing behind the signature is fuzzed too. Seeds in
 * {@code SignedCursorsFuzzTestInputs}; fuzzing: docs/adr/0012.
 */
class SignedCursorsFuzzTest {

    private static final SignedCursors CURSORS =
            new SignedCursors(SignedCursorsTest.properties(SignedCursorsTest.SECRET));
    private static final SigningKey KEY = SigningKey.of(SignedCursorsTest.SECRET, "test");
    private static final ArticleId ARTICLE = ArticleId.parse("0199a8f2-5c1e-7b3d-8e4f-2a6b9c0d1e2f");

    @FuzzTest(maxDuration = "90s")
    void onlyInvalidCursorEscapes(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        check(text);
        check(KEY.sign((ARTICLE + "|" + text).getBytes(StandardCharsets.UTF_8)));
    }

    private static void check(String token) {
        try {
            var position = CURSORS.verify(ARTICLE, token);
            assertThat(CURSORS.verify(ARTICLE, CURSORS.sign(ARTICLE, position))).isEqualTo(position);
        } catch (IntakeRefused refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.type()).isEqualTo("invalid-cursor");
        }
    }
}
