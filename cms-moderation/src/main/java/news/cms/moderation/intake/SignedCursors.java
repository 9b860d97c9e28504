package news.cms.moderation.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.CommentCursor;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opaque, tamper-evident cursors of the approved-comments list: the core's cursor bound to its
 * article and signed with HMAC-SHA-256, so a changed, forged or borrowed cursor is refused rather
 * than read as a position.
 */
@Component
class SignedCursors {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    SignedCursors(IntakeProperties properties) {
        this.key = new SecretKeySpec(properties.cursorSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        if (IntakeProperties.DEV_CURSOR_SECRET.equals(properties.cursorSecret())) {
            LoggerFactory.getLogger(SignedCursors.class)
                    .warn("cms.moderation.intake.cursor-secret is the development default: set a secret one");
        }
    }

    String sign(ArticleId article, CommentCursor cursor) {
        byte[] payload = (article + "|" + cursor.token()).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /**
     * @throws IllegalArgumentException when the token was not signed here for this article
     */
    CommentCursor verify(ArticleId article, String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > 512) {
            throw new IllegalArgumentException("not a cursor");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            signature = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new IllegalArgumentException("the cursor's signature does not match");
        }
        String plain = new String(payload, StandardCharsets.UTF_8);
        String prefix = article + "|";
        if (!plain.startsWith(prefix)) {
            throw new IllegalArgumentException("the cursor belongs to another article");
        }
        return CommentCursor.parse(plain.substring(prefix.length()));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
