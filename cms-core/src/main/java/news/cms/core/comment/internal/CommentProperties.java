package news.cms.core.comment.internal;

import news.cms.core.signing.SigningKey;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the comment module.
 *
 * @param emailPepper the secret key under which commenters' e-mail addresses are hashed, at least
 *     {@value SigningKey#MIN_SECRET_LENGTH} characters, with no default: every
 *     deployment sets its own (e.g. {@code CMS_COMMENTS_EMAILPEPPER}; the dev stack and the tests make
 *     one) and keeps it, because changing it makes earlier hashes unmatchable (docs/deploy.md).
 */
@ConfigurationProperties("cms.comments")
public record CommentProperties(String emailPepper) {

    static final String PEPPER_PROPERTY = "cms.comments.email-pepper";

    public CommentProperties {
        SigningKey.requireStrong(emailPepper, PEPPER_PROPERTY);
    }
}
