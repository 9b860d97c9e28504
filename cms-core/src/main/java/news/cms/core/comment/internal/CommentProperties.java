package news.cms.core.comment.internal;

import news.cms.core.signing.SigningKey;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the comment module.
 *
 * @param emailPepper the secret key under which commenters' e-mail addresses are hashed, at least
 *     {@value SigningKey#MIN_SECRET_LENGTH} characters. The default
 *     only suits development and tests; production sets its own (e.g. {@code CMS_COMMENTS_EMAIL_PEPPER})
 *     and keeps it, because changing it makes earlier hashes unmatchable.
 */
@ConfigurationProperties("cms.comments")
public record CommentProperties(
        @DefaultValue(CommentProperties.DEV_PEPPER) String emailPepper) {

    static final String DEV_PEPPER = "dev-only-comment-email-pepper-not-a-secret";
    static final String PEPPER_PROPERTY = "cms.comments.email-pepper";

    public CommentProperties {
        SigningKey.requireStrong(emailPepper, PEPPER_PROPERTY);
    }

    boolean usesDevPepper() {
        return DEV_PEPPER.equals(emailPepper);
    }
}
