package news.cms.core.comment.internal;

import news.cms.core.signing.SigningKey;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the comment module.
 *
 * @param emailPepper the secret key under which commenters' e-mail addresses are hashed, at least
 *     {@value SigningKey#MIN_SECRET_LENGTH} characters, with no default: every
 *     deployment sets its own (e.g. {@code CMS_COMMENTS_EMAILPEPPER}; the dev stack and the tests make
 *     one) and keeps it, because changing it makes earlier hashes unmatchable (docs/deploy.md).
 *     Only the app that takes comments hashes addresses, and only it is given the pepper (its
 *     {@code cms.secrets.required} refuses a start without it); the editor and the public API leave it
 *     unset rather than hold a secret they never use.
 */
@ConfigurationProperties("cms.comments")
public record CommentProperties(@Nullable String emailPepper) {

    static final String PEPPER_PROPERTY = "cms.comments.email-pepper";

    public CommentProperties {
        if (emailPepper != null) {
            SigningKey.requireStrong(emailPepper, PEPPER_PROPERTY);
        }
    }

    /** What a hasher throws in an app that was not given the pepper: it never hashes under no key. */
    static IllegalStateException pepperNotSet() {
        return new IllegalStateException(PEPPER_PROPERTY + " is not set in this app");
    }
}
