package news.cms.core.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import news.cms.core.push.PushProperties;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    static final String KEY = "rVx2-Hewler-Amed-Van-Kerkuk-2026-keep-it-long";

    static PushProperties withKey(String key) {
        return new PushProperties(
                true,
                false,
                List.of(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofMillis(250),
                4,
                List.of(Duration.ZERO),
                0.1,
                Duration.ofHours(12),
                Duration.ofHours(72),
                Duration.ofHours(24),
                key,
                URI.create("http://localhost:8081"));
    }

    @Test
    void withAKeySecretsAreSealedAndOpenOnlyForTheirSubscription() {
        SecretBox box = new SecretBox(withKey(KEY));
        String secret = WebhookSecrets.generate();
        String sealed = box.seal(secret, "sub-1");

        assertThat(sealed).startsWith("gcm1:").doesNotContain(secret.substring(6));
        assertThat(box.seal(secret, "sub-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "sub-1")).isEqualTo(secret);
        assertThatThrownBy(() -> box.open(sealed, "sub-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(withKey(KEY + "-other")).open(sealed, "sub-1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(withKey(null)).open(sealed, "sub-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cms.push.secret-key");
    }

    @Test
    void withoutAKeyTheyAreKeptAsTheyAreAndStillReadableOnceOneIsSet() {
        String secret = WebhookSecrets.generate();
        String plain = new SecretBox(withKey(null)).seal(secret, "sub-1");
        assertThat(plain).isEqualTo("plain:" + secret);
        assertThat(new SecretBox(withKey(KEY)).open(plain, "sub-1")).isEqualTo(secret);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> withKey("too-short")).isInstanceOf(IllegalArgumentException.class);
    }
}
