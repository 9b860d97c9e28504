package news.cms.core.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures as the Standard Webhooks reference library checks them. */
class WebhookSecretsTest {

    static final String BODY = "{\"type\":\"article.published\",\"data\":{\"headline\":\"Hewlêr: pira nû vebû\"}}";

    @Test
    void aSignatureVerifiesWithTheReferenceLibrary() throws Exception {
        String secret = WebhookSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        long now = Instant.now().getEpochSecond();
        String header = WebhookSecrets.signature(List.of(secret), "msg_1", now, BODY);

        assertThat(header).isEqualTo(new Webhook(secret).sign("msg_1", now, BODY));
        new Webhook(secret).verify(BODY, headers("msg_1", now, header));
    }

    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        String current = WebhookSecrets.generate();
        String previous = WebhookSecrets.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSecrets.signature(List.of(current, previous), "msg_2", now, BODY);

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(current).verify(BODY, headers("msg_2", now, header));
        new Webhook(previous).verify(BODY, headers("msg_2", now, header));
        assertThatThrownBy(() -> new Webhook(WebhookSecrets.generate()).verify(BODY, headers("msg_2", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aChangedBodyIdOrTimestampFails() {
        String secret = WebhookSecrets.generate();
        long now = Instant.now().getEpochSecond();
        String header = WebhookSecrets.signature(List.of(secret), "msg_3", now, BODY);
        Webhook webhook = new Webhook(secret);
        assertThatThrownBy(() -> webhook.verify(BODY + " ", headers("msg_3", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> webhook.verify(BODY, headers("msg_4", now, header)))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> webhook.verify(BODY, headers("msg_3", now - 1, header)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    static Map<String, List<String>> headers(String id, long timestamp, String signature) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(signature));
    }
}
