package news.cms.publicapi.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.IssuedPartnerKey;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Receiver;
import news.cms.core.push.SubscriptionId;
import news.cms.core.push.SubscriptionSettings;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/push/replay} on the real server, with a real receiver on loopback: the partner
 * whose key is linked to a subscription gets its deliveries again (same {@code webhook-id}s), from a
 * feed position or a time; every other caller gets the problem that says why.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms"
        })
class PartnerReplayIT {

    static final Duration PROMPTLY = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    PushSubscriptions push;

    @Autowired
    ArticleService articles;

    @Autowired
    ChangeFeed feed;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLinkedPartnerReplaysFromAPositionOrATimeAndEveryoneElseIsToldWhyNot() throws Exception {
        IssuedPartnerKey linked = Newsroom.as(
                "hevi", () -> keys.issue(new NewPartnerKey("Rudaw", Set.of(PartnerScope.FEED), null, 600)), Role.ADMIN);
        try (Receiver receiver = Receiver.ok()) {
            SubscriptionId subscription = Newsroom.as(
                            "hevi",
                            () -> push.create(new SubscriptionSettings(
                                    "Rudaw push",
                                    receiver.uri(),
                                    EnumSet.allOf(PushEvent.class),
                                    Set.of(),
                                    Set.of(),
                                    PayloadForm.NOTICE,
                                    linked.key().id())),
                            Role.ADMIN)
                    .subscription()
                    .id();
            Article first = Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.ARABIC, "افتتاح مكتبة في السليمانية", "فتحت أبوابها.", "السليمانية"));
            Newsroom.publishedStory(
                    articles,
                    Newsroom.story(
                            LanguageTag.TURKISH, "Süleymaniye'de kütüphane açıldı", "Kapılar açıldı.", "Süleymaniye"));
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 2);
            Receiver.awaitDelivered(push, subscription, 2, PROMPTLY);
            long from = feed.after(0, 1000).stream()
                    .filter(e -> e.articleId().equals(first.id()))
                    .findFirst()
                    .orElseThrow()
                    .sequence();

            HttpResponse<String> replayed = post("{\"fromSequence\":" + from + "}", linked.secret());
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
            JsonNode answer = Api.JSON.readTree(replayed.body());
            assertThat(answer.path("queued").asInt()).isEqualTo(2);
            assertThat(answer.path("fromSequence").asLong()).isEqualTo(from);
            Awaitility.await().atMost(PROMPTLY).until(() -> receiver.requests().size() == 4);
            List<String> ids = receiver.requests().stream()
                    .map(Receiver.Request::webhookId)
                    .toList();
            assertThat(ids.subList(2, 4)).containsExactlyInAnyOrderElementsOf(ids.subList(0, 2));

            HttpResponse<String> sinceLong = post("{\"since\":\"2000-01-01T00:00:00Z\"}", linked.secret());
            assertThat(sinceLong.statusCode()).as(sinceLong.body()).isEqualTo(202);
            assertThat(Api.JSON.readTree(sinceLong.body()).path("queued").asInt())
                    .isGreaterThanOrEqualTo(2);

            for (String bad : List.of(
                    "",
                    "not json",
                    "[]",
                    "{}",
                    "{\"fromSequence\":0}",
                    "{\"fromSequence\":1.5}",
                    "{\"fromSequence\":\"3\"}",
                    "{\"since\":\"yesterday\"}",
                    "{\"fromSequence\":3,\"since\":\"2026-12-05T08:00:00Z\"}")) {
                Api.assertProblem(post(bad, linked.secret()), 400, "invalid-body");
            }
            Api.assertProblem(post("{\"fromSequence\":1}", null), 401, "api-key-required");
            Api.assertProblem(post("{\"fromSequence\":1}", "cmsk_zzzzzzzz_" + "Q".repeat(43)), 401, "api-key-invalid");
            Api.assertProblem(post("{\"fromSequence\":1}", Api.partnerKey(keys, 600)), 403, "scope-missing");
            Api.assertProblem(
                    post("{\"fromSequence\":1}", Api.partnerKey(keys, 600, PartnerScope.FEED)),
                    404,
                    "push-subscription-not-linked");
        }
    }

    private HttpResponse<String> post(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/push/replay"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
