package news.cms.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyTest {

    private static final String SECRET = "a signing secret for unit tests, 32+ characters";

    private final SigningKey key = SigningKey.of(SECRET, "test.secret");

    @Test
    void aTokenCarriesItsPayloadBackInArabicSoraniAndTurkish() {
        for (String text : new String[] {"ستون الرأي", "هەواڵی ئەمڕۆ", "gündem başlığı", ""}) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            String token = key.sign(payload);
            assertThat(token).matches("[A-Za-z0-9_-]+");
            assertThat(key.verify(token)).isEqualTo(payload);
        }
    }

    @Test
    void version1IsVersionByteThenPayloadThenHmacOfBoth() throws Exception {
        byte[] signed = ByteBuffer.allocate(9).put((byte) 1).putLong(4711).array();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] tag = mac.doFinal(signed);
        byte[] token = ByteBuffer.allocate(41).put(signed).put(tag).array();

        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(token);

        assertThat(key.sign(ByteBuffer.allocate(8).putLong(4711).array())).isEqualTo(expected);
    }

    @Test
    void everyChangedByteIsRefused() {
        byte[] token = Base64.getUrlDecoder().decode(key.sign("feed|42".getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < token.length; i++) {
            byte[] changed = token.clone();
            changed[i] ^= 0x01;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThatThrownBy(() -> key.verify(forged)).isInstanceOf(InvalidToken.class);
        }
    }

    @Test
    void anotherSecretsTokenIsRefused() {
        SigningKey other = SigningKey.of("another signing secret, also 32+ characters", "test.secret");
        String token = other.sign(new byte[] {7});

        assertThatThrownBy(() -> key.verify(token))
                .isInstanceOf(InvalidToken.class)
                .hasMessage("signature does not match");
    }

    @Test
    void anUnknownVersionIsRefusedBeforeItsSignatureIsChecked() {
        byte[] token = Base64.getUrlDecoder().decode(key.sign(new byte[] {7}));
        token[0] = 2;

        assertThatThrownBy(() -> key.verify(Base64.getUrlEncoder().encodeToString(token)))
                .isInstanceOf(InvalidToken.class)
                .hasMessage("unknown format version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AQ", "not base64!", "YWJj.ZGVm", "%ff", "ÿ"})
    void malformedTokensAreRefused(String token) {
        assertThatThrownBy(() -> key.verify(token)).isInstanceOf(InvalidToken.class);
    }

    @Test
    void anOverlongTokenIsRefusedUnread() {
        assertThatThrownBy(() -> key.verify("A".repeat(SigningKey.MAX_TOKEN_LENGTH + 1)))
                .isInstanceOf(InvalidToken.class)
                .hasMessage("too long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "31 characters long, not enough.", "   padded with spaces, 31 chars   "})
    void aSecretUnder32CharactersIsRefusedNamingTheSetting(String secret) {
        assertThatThrownBy(() -> SigningKey.of(secret, "cms.example.secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cms.example.secret needs at least 32 characters");
    }

    @Test
    void theHashIsHmacSha256AndHidesTheSecret() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] data = "rezan@example.com".getBytes(StandardCharsets.UTF_8);

        assertThat(key.hash(data)).isEqualTo(mac.doFinal(data));
        assertThat(key.toString()).doesNotContain(SECRET);
    }
}
