package news.cms.core.comment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.comment.EmailAddress;
import news.cms.core.comment.EmailHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hashes e-mail addresses with HMAC-SHA-256 under the configured pepper. Keyed rather than salted
 * per row: the same address must give the same hash to trace abuse, and without the pepper a leaked
 * table cannot be matched against lists of known addresses.
 */
@Component
public class EmailHasher {

    private static final Logger log = LoggerFactory.getLogger(EmailHasher.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    EmailHasher(CommentProperties properties) {
        this.key = new SecretKeySpec(properties.emailPepper().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        if (properties.usesDevPepper()) {
            log.warn("cms.comments.email-pepper is the development default: set a secret one in production");
        }
    }

    public EmailHash hash(EmailAddress email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe, and cheap to make
            mac.init(key);
            byte[] digest = mac.doFinal(email.value().getBytes(StandardCharsets.UTF_8));
            return new EmailHash(HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
