package news.cms.core.comment.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the comment module.
 *
 * @param emailPepper the secret key under which commenters' e-mail addresses are hashed. The default
 *     only suits development and tests; production sets its own (e.g. {@code CMS_COMMENTS_EMAIL_PEPPER})
 *     and keeps it, because changing it makes earlier hashes unmatchable.
 */
@ConfigurationProperties("cms.comments")
public record CommentProperties(
        @DefaultValue(CommentProperties.DEV_PEPPER) String emailPepper) {

    static final String DEV_PEPPER = "dev-only-comment-email-pepper-not-a-secret";
    static final int MIN_PEPPER_LENGTH = 16;

    public CommentProperties {
        if (emailPepper == null || emailPepper.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalArgumentException(
                    "cms.comments.email-pepper needs at least " + MIN_PEPPER_LENGTH + " characters");
        }
    }

    boolean usesDevPepper() {
        return DEV_PEPPER.equals(emailPepper);
    }
}
