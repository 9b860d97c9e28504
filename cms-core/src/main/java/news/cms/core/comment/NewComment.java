package news.cms.core.comment;

import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the intake receives it, checked value by value; the e-mail, when given, is hashed
 * before anything is stored.
 */
public record NewComment(
        ArticleId articleId,
        LanguageTag language,
        DisplayName displayName,
        @Nullable EmailAddress email,
        CommentText text,
        ClientFingerprint clientFingerprint,
        IdempotencyKey idempotencyKey) {

    public NewComment {
        require(articleId, "an article");
        require(language, "a language");
        require(displayName, "a display name");
        require(text, "a text");
        require(clientFingerprint, "a client fingerprint");
        require(idempotencyKey, "an idempotency key");
    }

    private static void require(@Nullable Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("a new comment needs " + what);
        }
    }
}
