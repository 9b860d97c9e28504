package news.cms.core.comment.internal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import news.cms.core.comment.EmailAddress;
import news.cms.core.comment.EmailHash;
import news.cms.core.signing.SigningKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Hashes e-mail addresses with HMAC-SHA-256 under the configured pepper. Keyed rather than salted
 * per row: the same address must give the same hash to trace abuse, and without the pepper a leaked
 * table cannot be matched against lists of known addresses. An app without the pepper (one that
 * never takes comments) refuses to hash rather than hash under no key.
 */
@Component
public class EmailHasher {

    private final @Nullable SigningKey pepper;

    EmailHasher(CommentProperties properties) {
        String secret = properties.emailPepper();
        this.pepper = secret == null ? null : SigningKey.of(secret, CommentProperties.PEPPER_PROPERTY);
    }

    /** Unversioned on purpose: stored hashes and bans must keep matching (docs/adr/0012). */
    public EmailHash hash(EmailAddress email) {
        if (pepper == null) {
            throw CommentProperties.pepperNotSet();
        }
        byte[] digest = pepper.hash(email.value().getBytes(StandardCharsets.UTF_8));
        return new EmailHash(HexFormat.of().formatHex(digest));
    }
}
