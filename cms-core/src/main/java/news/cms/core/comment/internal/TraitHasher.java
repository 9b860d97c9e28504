package news.cms.core.comment.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.comment.ClientOrigin;
import news.cms.core.comment.TraitHash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Hashes a comment's origin with HMAC-SHA-256 under the comments' pepper (the e-mail hashes' key),
 * with a label per trait so that an address and a client id never give the same hash. Keyed, because
 * the IPv4 space is small enough to hash whole: an unkeyed hash would be the address in disguise.
 */
@Component
public class TraitHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final @Nullable SecretKeySpec key;

    TraitHasher(CommentProperties properties) {
        String pepper = properties.emailPepper();
        this.key = pepper == null ? null : new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public ClientTraits hash(ClientOrigin origin) {
        return new ClientTraits(
                hash("address", origin.addressKey()),
                hash("network", origin.networkKey()),
                origin.clientId() == null
                        ? null
                        : hash("client-id", origin.clientId().getBytes(StandardCharsets.UTF_8)));
    }

    private TraitHash hash(String label, byte[] value) {
        if (key == null) {
            throw CommentProperties.pepperNotSet();
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe, and cheap to make
            mac.init(key);
            mac.update(("comment-" + label + "\0").getBytes(StandardCharsets.UTF_8));
            return new TraitHash(HexFormat.of().formatHex(mac.doFinal(value)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
