package news.cms.core.comment;

import news.cms.core.article.ArticleId;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the intake receives it, checked value by value; the e-mail, when given, is hashed
 * before anything is stored. Its name and text must show something to a reader (not only spaces,
 * format characters or fillers such as U+3164 or U+2800): a blank row helps no moderator.
 *
 * @param clientFingerprint who the client is for idempotency keys, rate limits and history
 * @param idempotencyKey the client's key: a second submission by the same client under it is a retry
 * @param origin the address and client id the comment came from, kept hashed for bans; null when
 *     unknown
 */
public record NewComment(
        ArticleId articleId,
        LanguageTag language,
        DisplayName displayName,
        @Nullable EmailAddress email,
        CommentText text,
        ClientFingerprint clientFingerprint,
        IdempotencyKey idempotencyKey,
        @Nullable ClientOrigin origin) {

    public NewComment {
        require(articleId, "an article");
        require(language, "a language");
        require(displayName, "a display name");
        require(text, "a text");
        require(clientFingerprint, "a client fingerprint");
        require(idempotencyKey, "an idempotency key");
        // Checked here, not in the values: comments stored before this rule must still load.
        if (!displayName.isVisible()) {
            throw new InvalidText(DisplayName.FIELD, "shows nothing: it is only spaces or invisible characters");
        }
        if (!text.isVisible()) {
            throw new InvalidText(CommentText.FIELD, "shows nothing: it is only spaces or invisible characters");
        }
    }

    /** A comment whose origin the caller does not know (only the fingerprint can ban it). */
    public NewComment(
            ArticleId articleId,
            LanguageTag language,
            DisplayName displayName,
            @Nullable EmailAddress email,
            CommentText text,
            ClientFingerprint clientFingerprint,
            IdempotencyKey idempotencyKey) {
        this(articleId, language, displayName, email, text, clientFingerprint, idempotencyKey, null);
    }

    private static void require(@Nullable Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("a new comment needs " + what);
        }
    }
}
