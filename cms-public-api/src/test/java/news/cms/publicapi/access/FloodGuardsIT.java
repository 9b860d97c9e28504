package news.cms.publicapi.access;

import static news.cms.publicapi.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.publicapi.config.ConcurrencyLimitFilter;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Floods at the door of the public API. Made-up keys: each new one is charged to the address's own
 * limit before it is looked up, and a repeated one is known to be missing and costs nothing. Too many
 * requests at once (here: the database stalled, so they pile up): the ones beyond the bulkhead get
 * a 503 problem at once instead of waiting in line.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.public-api.access.anonymous-per-minute=5",
            "cms.trusted-proxies=127.0.0.1/32",
            "cms.public-api.concurrency.max-concurrent=2",
            "cms.public-api.concurrency.max-wait=0ms"
        })
class FloodGuardsIT {

    private static final String XFF = "X-Forwarded-For";

    @LocalServerPort
    int port;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    ArticleService articles;

    @Autowired
    ConcurrencyLimitFilter bulkhead;

    @Test
    void madeUpKeysAreLimitedPerAddressBeforeTheLookUpAndARepeatedOneCostsNothing() throws Exception {
        Api api = new Api(port);
        String partner = Api.partnerKey(keys, 600, PartnerScope.FEED);
        assertThat(api.get("/v1/feed", "X-API-Key", partner, XFF, "198.51.100.70")
                        .statusCode())
                .isEqualTo(200);

        // The same made-up key again and again: looked up once, then known to be missing, so each
        // answer is a 401 and the address's five requests a minute are not spent on it.
        String madeUp = "cmsk_zzzzzzzz_" + "B".repeat(43);
        for (int i = 0; i < 20; i++) {
            assertProblem(api.get("/v1/feed.json", "X-API-Key", madeUp, XFF, "198.51.100.71"), 401, "api-key-invalid");
        }
        assertThat(keys.needsLookUp(madeUp)).isFalse();

        // New made-up keys from one address: each would be a look-up, so each is charged first;
        // the sixth is refused with 429 before any look-up.
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String fresh = "cmsk_" + "abcdefgh".substring(0, 7) + (char) ('a' + i) + "_" + "C".repeat(43);
            HttpResponse<String> response = api.get("/v1/feed.json", "X-API-Key", fresh, XFF, "198.51.100.72");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertProblem(response, 429, "rate-limited");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(keys.needsLookUp(fresh))
                        .as("refused before the look-up")
                        .isTrue();
            }
        }
        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429, 429);
        // The partner's own key, known already, is not charged to any address: it still works from there.
        assertThat(api.get("/v1/feed", "X-API-Key", partner, XFF, "198.51.100.72")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void requestsBeyondTheBulkheadGetA503AtOnceWhileTheOthersWaitOnTheDatabase() throws Exception {
        Api api = new Api(port);
        List<Article> uncached = new ArrayList<>();
        for (String headline : new String[] {"Kış lastiği zorunluluğu başladı", "Köprü trafiğe kapandı"}) {
            uncached.add(Newsroom.publishedStory(
                    articles, Newsroom.story(LanguageTag.TURKISH, headline, "Ayrıntılar geliyor.", "ANKARA")));
        }
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        try (EngineFaults.Frozen frozen = EngineFaults.freezeDatabase()) {
            for (int i = 0; i < 2; i++) {
                String path = "/v1/articles/" + uncached.get(i).id();
                String client = "198.51.100." + (80 + i);
                waiting.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return api.get(path, XFF, client);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        // A thread each: the common pool may have a single thread on a small machine.
                        Executors.newVirtualThreadPerTaskExecutor()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> bulkhead.inFlight() == 2);

            long started = System.nanoTime();
            HttpResponse<String> refused = api.get("/v1/feed.json", XFF, "198.51.100.90");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            var problem = assertProblem(refused, 503, "overloaded");
            assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(1);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(took).isLessThan(Duration.ofMillis(500));
        }
        // The two in the bulkhead end on their own, with the database's 503 (or 200 if it came back first).
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            assertThat(response.get().statusCode()).isIn(200, 503);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(bulkhead.inFlight()).isZero();
            assertThat(api.get("/v1/articles/" + uncached.getFirst().id(), XFF, "198.51.100.91")
                            .statusCode())
                    .isEqualTo(200);
        });
    }
}
