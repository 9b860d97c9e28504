package news.cms.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.push.internal.SubscriptionRepository;
import news.cms.core.push.internal.WebhookSecrets;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SSRF rules as production has them (no allow-list; http allowed only so that a loopback
 * receiver could be reached at all): loopback endpoints are refused when saved, by address or by a
 * name that resolves to one, and again at connection time for an endpoint that got past the first
 * check (a DNS answer that changed since: rebinding), so the receiver never hears from us.
 */
@CmsIntegrationTest(
        properties = {"cms.push.worker-enabled=true", "cms.push.allow-http=true", "cms.push.poll-interval=100ms"})
class EndpointRefusalIT {

    @Autowired
    PushSubscriptions push;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    ArticleService articles;

    @Test
    void loopbackAndInternalEndpointsAreRefusedWhenSaved() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            for (var endpoint : List.of(
                    receiver.uri(),
                    receiver.uri("localhost"),
                    receiver.uri("[::1]"),
                    receiver.uri("10.0.0.7"),
                    receiver.uri("169.254.169.254"),
                    receiver.uri("[fd00:ec2::254]"))) {
                assertThatThrownBy(() ->
                                PushDeliveryIT.admin(() -> push.create(PushDeliveryIT.settings("Inside", endpoint))))
                        .as(endpoint.toString())
                        .isInstanceOf(EndpointRefused.class);
            }
            assertThatThrownBy(() -> PushDeliveryIT.admin(
                            () -> push.create(PushDeliveryIT.settings("Local name", receiver.uri("localhost")))))
                    .hasMessageContaining("localhost resolves to")
                    .hasMessageContaining("loopback");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void anEndpointThatNowResolvesInsideIsRefusedAtConnectionTime() throws Exception {
        try (Receiver receiver = Receiver.ok()) {
            // Saved when its name led elsewhere; it now resolves to 127.0.0.1.
            Instant now = Instant.now();
            Subscription rebound = new Subscription(
                    SubscriptionId.random(),
                    "Rebound partner",
                    receiver.uri("localhost"),
                    EnumSet.allOf(PushEvent.class),
                    Set.of(),
                    Set.of(),
                    PayloadForm.NOTICE,
                    SubscriptionState.ACTIVE,
                    null,
                    null,
                    null,
                    now,
                    "hana",
                    now,
                    "hana",
                    null);
            subscriptions.insert(rebound, WebhookSecrets.generate());

            Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.ENGLISH, "Dust storm over Basra", "Flights were delayed.", "BASRA"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !PushDeliveryIT.admin(() -> push.attempts(rebound.id(), true, 10))
                            .isEmpty());

            DeliveryAttempt attempt = PushDeliveryIT.admin(() -> push.attempts(rebound.id(), true, 10))
                    .getFirst();
            assertThat(attempt.statusCode()).isNull();
            assertThat(attempt.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRY);
            assertThat(attempt.error())
                    .startsWith("refused: localhost resolves to")
                    .contains("loopback address");
            assertThat(receiver.requests()).as("nothing reached the receiver").isEmpty();
        }
    }
}
