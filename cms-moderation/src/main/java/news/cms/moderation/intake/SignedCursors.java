package news.cms.moderation.intake;

import java.nio.charset.StandardCharsets;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.CommentCursor;
import news.cms.core.signing.InvalidToken;
import news.cms.core.signing.SigningKey;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident cursors of the approved-comments list: the core's cursor bound to its
 * article in a {@link SigningKey} token, so a changed, forged or borrowed cursor is refused rather
 * than read as a position. Cursors of the format before that helper (two base64 parts joined by a
 * dot) are refused like forged ones: a reader starts the list again (docs/adr/0012).
 */
@Component
class SignedCursors {

    private final SigningKey key;

    SignedCursors(IntakeProperties properties) {
        this.key = SigningKey.of(properties.cursorSecret(), "cms.moderation.intake.cursor-secret");
    }

    String sign(ArticleId article, CommentCursor cursor) {
        return key.sign((article + "|" + cursor.token()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IntakeRefused (400 {@code invalid-cursor}) when the token was not signed here for this
     *     article; nothing else, whatever the token
     */
    CommentCursor verify(ArticleId article, String token) {
        String plain;
        try {
            plain = new String(key.verify(token), StandardCharsets.UTF_8);
        } catch (InvalidToken e) {
            throw invalid();
        }
        String prefix = article + "|";
        if (!plain.startsWith(prefix)) {
            throw invalid(); // signed by us, for another article's comments
        }
        try {
            return CommentCursor.parse(plain.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static IntakeRefused invalid() {
        return IntakeRefused.of(
                HttpStatus.BAD_REQUEST,
                "invalid-cursor",
                "Invalid cursor",
                "the cursor was not issued for this article's comments: start again without one");
    }
}
