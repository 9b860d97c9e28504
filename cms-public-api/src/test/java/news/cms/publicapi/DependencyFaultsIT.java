package news.cms.publicapi;

import static news.cms.publicapi.Api.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The engines frozen with SIGSTOP, as a stalled disk or a paused machine would leave them: the API
 * answers 503 problems with Retry-After quickly (the production timeouts: 1 s to borrow a database
 * connection, 2 s socket timeout, 800 ms for a search), keeps serving what it cached, reports
 * readiness DOWN for the database only, never fails liveness, and recovers by itself after SIGCONT.
 * Time bounds carry slack for a loaded 2-core machine but stay well under the 30 s / 10 s hangs of
 * before (ADR 0013).
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.search.query-timeout=800ms"})
class DependencyFaultsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ArticleService articles;

    @Autowired
    news.cms.core.partnerkey.PartnerKeyService keys;

    @Test
    void aFrozenDatabaseGivesQuick503sWhileCachedArticlesAreStillServed() throws Exception {
        Api api = new Api(port);
        Api ops = new Api(managementPort);
        Article cached = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH, "Ferry service resumes after the storm", "Boats sail again.", "DOVER"));
        Article uncached = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Liman yeniden açıldı", "Fırtınadan sonra gemiler yola çıktı.", "İZMİR"));
        assertThat(api.get("/v1/articles/" + cached.id()).statusCode()).isEqualTo(200);
        // A partner's key, known to the app (keys are checked in memory) before the freeze.
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        assertThat(api.get("/v1/feed?limit=1", "X-API-Key", key).statusCode()).isEqualTo(200);

        try (var frozen = EngineFaults.freezeDatabase()) {
            // The partner's replay needs the database: a quick 503, nothing queued.
            Timed<HttpResponse<String>> replay = timed(() -> java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            java.net.URI.create("http://127.0.0.1:" + port + "/v1/push/replay"))
                                    .header("Content-Type", "application/json")
                                    .header("X-API-Key", key)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"fromSequence\":1}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
            assertProblem(replay.value(), 503, "database-unavailable");
            assertThat(replay.value().headers().firstValue("Retry-After")).isPresent();
            assertThat(replay.elapsed()).as("replay").isLessThan(Duration.ofMillis(3000));

            Timed<HttpResponse<String>> fromCache = timed(() -> api.get("/v1/articles/" + cached.id()));
            assertThat(fromCache.value().statusCode()).isEqualTo(200);
            assertThat(fromCache.elapsed()).isLessThan(Duration.ofMillis(500));

            for (String path : new String[] {"/v1/articles/" + uncached.id(), "/v1/feed.json"}) {
                Timed<HttpResponse<String>> down = timed(() -> api.get(path));
                JsonNode problem = assertProblem(down.value(), 503, "database-unavailable");
                assertThat(down.value().headers().firstValue("Retry-After"))
                        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 2L));
                assertThat(problem.path("retryAfterSeconds").asLong()).isPositive();
                // Borrowing gives up after 1 s; a connection in use when the server froze after 2 s.
                assertThat(down.elapsed()).as(path).isLessThan(Duration.ofMillis(3000));
            }

            // Liveness asks nobody; readiness and the health endpoint answer within their own limits.
            Timed<HttpResponse<String>> liveness = timed(() -> ops.get("/actuator/health/liveness"));
            assertThat(liveness.value().statusCode()).isEqualTo(200);
            assertThat(liveness.elapsed()).isLessThan(Duration.ofMillis(500));
            Timed<HttpResponse<String>> readiness = timed(() -> ops.get("/actuator/health/readiness"));
            assertThat(readiness.value().statusCode()).isEqualTo(503);
            assertThat(readiness.elapsed()).isLessThan(Duration.ofMillis(2500));
            Timed<HttpResponse<String>> health = timed(() -> ops.get("/actuator/health"));
            assertThat(Api.JSON
                            .readTree(health.value().body())
                            .at("/components/db/status")
                            .asString())
                    .isEqualTo("DOWN");
            assertThat(health.elapsed()).isLessThan(Duration.ofMillis(2500));

            // By now the breaker is open: requests fail at once instead of each waiting out a timeout.
            Timed<HttpResponse<String>> fast = timed(() -> api.get("/v1/articles/" + uncached.id()));
            assertProblem(fast.value(), 503, "database-unavailable");
            assertThat(fast.elapsed()).isLessThan(Duration.ofMillis(500));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(api.get("/v1/articles/" + uncached.id()).statusCode()).isEqualTo(200);
            assertThat(ops.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        });
    }

    @Test
    void aFrozenSearchEngineGivesQuick503sAndTheRestCarriesOn() throws Exception {
        Api api = new Api(port);
        Api ops = new Api(managementPort);
        Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC, "عودة الكهرباء إلى المدينة", "عادت الكهرباء بعد انقطاع طويل.", "الموصل"));
        // A cold engine's first query may take longer than 800 ms on a busy machine.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(api.get("/v1/search?q=x").statusCode()).isEqualTo(200));

        try (var frozen = EngineFaults.freezeSearch()) {
            Timed<HttpResponse<String>> down =
                    timed(() -> api.get("/v1/search?q=%D8%A7%D9%84%D9%83%D9%87%D8%B1%D8%A8%D8%A7%D8%A1"));
            assertProblem(down.value(), 503, "search-unavailable");
            assertThat(down.value().headers().firstValue("Retry-After")).isPresent();
            assertThat(down.elapsed()).isLessThan(Duration.ofMillis(1500));

            assertThat(api.get("/v1/feed.json").statusCode())
                    .as("the feed carries on")
                    .isEqualTo(200);
            assertThat(ops.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(ops.get("/actuator/health/readiness").statusCode())
                    .as("search is not needed to be ready")
                    .isEqualTo(200);
            Timed<HttpResponse<String>> health = timed(() -> ops.get("/actuator/health"));
            assertThat(Api.JSON
                            .readTree(health.value().body())
                            .at("/components/search/status")
                            .asString())
                    .isEqualTo("DOWN");
            assertThat(health.elapsed()).isLessThan(Duration.ofMillis(2500));

            // Publishing carries on: more stories than the pool has connections, each indexing
            // attempt waiting on the frozen engine, and none of them takes the database down.
            for (int i = 0; i < 14; i++) {
                LanguageTag language = LANGUAGES[i % LANGUAGES.length];
                String headline = FROZEN_HEADLINES[i % LANGUAGES.length] + " " + i;
                Timed<Article> published = timed(
                        () -> Newsroom.publishedStory(articles, Newsroom.story(language, headline, "…", "ERBIL")));
                assertThat(published.elapsed()).as("publish %d", i).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(api.get("/v1/feed.json").statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(Api.JSON
                                .readTree(api.get("/v1/search?q=" + ENGLISH_WORD + "&lang=en")
                                        .body())
                                .path("items")
                                .size())
                        .as("what was published while the engine was frozen is found once it returns")
                        .isGreaterThanOrEqualTo(4));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(api.get("/v1/search?q=x").statusCode()).isEqualTo(200));
    }

    private static final LanguageTag[] LANGUAGES = {
        LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH
    };
    private static final String ENGLISH_WORD = "floodlights";
    private static final String[] FROZEN_HEADLINES = {
        "Stadium " + ENGLISH_WORD + " repaired before the derby",
        "إصلاح أضواء الملعب قبل المباراة",
        "ڕووناکییەکانی یاریگا چاک کرانەوە",
        "Stadyum ışıkları maçtan önce onarıldı"
    };

    record Timed<T>(T value, Duration elapsed) {}

    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    static <T> Timed<T> timed(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T value = call.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }
}
