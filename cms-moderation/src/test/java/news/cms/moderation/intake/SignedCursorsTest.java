package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.CommentCursor;
import news.cms.core.comment.CommentId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

class SignedCursorsTest {

    static final String SECRET = "comment cursor secret for unit tests only";

    private final SignedCursors cursors = new SignedCursors(properties(SECRET));
    private final ArticleId article = ArticleId.parse("0199a8f2-5c1e-7b3d-8e4f-2a6b9c0d1e2f");
    private final CommentCursor position =
            new CommentCursor(Instant.parse("2026-12-05T09:30:00.123456Z"), CommentId.random());

    /** Bound as Spring binds it, so that settings added later keep their defaults here. */
    static IntakeProperties properties(String secret) {
        var source = new MapConfigurationPropertySource(Map.of("cms.moderation.intake.cursor-secret", secret));
        return new Binder(source).bindOrCreate("cms.moderation.intake", IntakeProperties.class);
    }

    @Test
    void aCursorReadsBackForItsArticle() {
        assertThat(cursors.verify(article, cursors.sign(article, position))).isEqualTo(position);
    }

    @Test
    void anotherArticlesCursorIsRefused() {
        String token = cursors.sign(ArticleId.parse("0199a8f2-5c1e-7b3d-8e4f-000000000000"), position);
        assertInvalid(token);
    }

    @Test
    void aCursorUnderAnotherSecretIsRefused() {
        var other = new SignedCursors(properties("another comment cursor secret, 32+ chars"));
        assertInvalid(other.sign(article, position));
    }

    /** The format before the shared helper: base64url(payload) "." base64url(HMAC(payload)). */
    @Test
    void aCursorOfTheOldFormatIsACleanInvalidCursor() throws Exception {
        byte[] payload = (article + "|" + position.token()).getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String old = b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));

        assertInvalid(old);
    }

    @Test
    void garbageIsAnInvalidCursor() {
        for (String token : new String[] {"", ".", "ÿ", "%ff", "a".repeat(5000), "هەڵە", "AQ"}) {
            assertInvalid(token);
        }
    }

    @Test
    void aShortSecretStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> properties("sixteen chars ok?"))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cms.moderation.intake.cursor-secret");
    }

    private void assertInvalid(String token) {
        assertThatThrownBy(() -> cursors.verify(article, token)).isInstanceOfSatisfying(IntakeRefused.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.type()).isEqualTo("invalid-cursor");
        });
    }
}
