package news.cms.core.push.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.push.PushProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps signing secrets at rest: signing needs the secret itself, so it cannot be hashed like a
 * partner key. With {@code cms.push.secret-key} set, a secret is stored as {@code gcm1:} and the
 * base64 of a 12-byte nonce and its AES-256-GCM ciphertext (the key is SHA-256 of the setting), so
 * a database dump alone does not let anyone sign as us; the subscription id is the associated data,
 * so a ciphertext copied to another subscription does not open. The apps refuse to start without the
 * setting ({@code cms.secrets.required}); cms-core alone (its unit tests) stores {@code plain:} and the
 * secret.
 */
@Component
class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String SEALED = "gcm1:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final @Nullable SecretKeySpec key;

    SecretBox(PushProperties properties) {
        String secret = properties.secretKey();
        if (secret == null) {
            this.key = null;
            log.info("cms.push.secret-key is not set: push signing secrets are stored unencrypted");
        } else {
            this.key = new SecretKeySpec(sha256(secret.strip()), "AES");
        }
    }

    String seal(String secret, String subscriptionId) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is in every Java runtime", e);
        }
    }

    String open(String stored, String subscriptionId) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(SEALED)) {
            throw new IllegalStateException("a push secret in an unknown form");
        }
        if (key == null) {
            throw new IllegalStateException("push secrets are encrypted: set cms.push.secret-key to sign deliveries");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a push secret does not open with cms.push.secret-key", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
