package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.article.StaleVersion;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.ExportedMetrics;
import news.cms.testsupport.JsonLogs;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.Prometheus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;

/**
 * What the people on call see of the public API (docs/adr/0017): its meters move when the real work
 * happens, the request id ties an answer, its problem and its JSON log lines together, and a forged
 * id never gets through.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.metrics.sample-interval=200ms",
            // The outbox row planted below is not a real event: nobody must try to deliver it.
            "cms.outbox.retry-enabled=false"
        })
class OperationsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void everyMetricTheDashboardsUseIsExported() throws Exception {
        new Api(port).get("/v1/search?q=warmup");
        assertThat(Prometheus.scrape(managementPort).names()).containsAll(ExportedMetrics.PUBLIC_API);
    }

    @Test
    void workflowCommandsCountByActionAndOutcomeAndFeedEntriesByAction() {
        Prometheus before = Prometheus.scrape(managementPort);
        Article published = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Van Gölü kıyısında yeni park", "Park açıldı.", "Van"));
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.unpublish(published.id(), published.version() - 1)))
                .isInstanceOf(StaleVersion.class);

        Prometheus after = Prometheus.scrape(managementPort);
        String commands = "cms_workflow_commands_total";
        assertThat(moved(before, after, commands, "action", "publish", "outcome", "success"))
                .isEqualTo(1);
        assertThat(moved(before, after, commands, "action", "approve", "outcome", "success"))
                .isEqualTo(1);
        assertThat(moved(before, after, commands, "action", "unpublish", "outcome", "stale-version"))
                .isEqualTo(1);
        assertThat(moved(before, after, commands, "action", "unpublish", "outcome", "success"))
                .isZero();
        assertThat(moved(before, after, "cms_feed_entries_total", "action", "publish"))
                .isEqualTo(1);
        assertThat(after.has(commands, "application", "cms-public-api")).isTrue();
    }

    @Test
    void outboxDepthOldestEventAndIndexLagFollowTheOutboxTable() {
        // An article event the indexer has not completed for five minutes, as if the engine were down.
        UUID stuck = UUID.randomUUID();
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
                        + " values (?, ?, ?, '{}', now() - interval '5 minutes')")
                .params(
                        stuck,
                        "news.cms.core.search.internal.ArticleIndexer.on(news.cms.core.article.ArticleChanged)",
                        "news.cms.core.article.ArticleChanged")
                .update();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Prometheus now = Prometheus.scrape(managementPort);
                assertThat(now.value("cms_outbox_depth")).isGreaterThanOrEqualTo(1);
                assertThat(now.value("cms_outbox_oldest_age_seconds")).isBetween(295.0, 400.0);
                assertThat(now.value("cms_search_index_lag_seconds")).isBetween(295.0, 400.0);
            });
        } finally {
            jdbc.sql("delete from event_publication where id = ?").param(stuck).update();
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Prometheus.scrape(managementPort).value("cms_search_index_lag_seconds"))
                                .isLessThan(60));
    }

    @Test
    void aPartnerOverItsRateIsARateLimitRefusalOfThePartnerKeyLimit() throws Exception {
        String key = Api.partnerKey(keys, 1, PartnerScope.FEED);
        Prometheus before = Prometheus.scrape(managementPort);

        assertThat(new Api(port).get("/v1/feed", "X-API-Key", key).statusCode()).isEqualTo(200);
        Api.assertProblem(new Api(port).get("/v1/feed", "X-API-Key", key), 429, "rate-limited");

        Prometheus after = Prometheus.scrape(managementPort);
        assertThat(moved(before, after, "cms_ratelimit_refusals_total", "limit", "partner-key"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_ratelimit_refusals_total", "limit", "address"))
                .isZero();
    }

    @Test
    void articleReadsCountAsCacheMissesThenHits() throws Exception {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "معرض للكتاب في أربيل", "افتُتح المعرض اليوم.", "أربيل"));
        Prometheus before = Prometheus.scrape(managementPort);

        assertThat(new Api(port).get("/v1/articles/" + story.id()).statusCode()).isEqualTo(200);
        // The publish's change notice may still arrive and empty the cache once: read until a hit.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(new Api(port).get("/v1/articles/" + story.id()).statusCode())
                    .isEqualTo(200);
            assertThat(moved(
                            before,
                            Prometheus.scrape(managementPort),
                            "cache_gets_total",
                            "cache",
                            "public-articles",
                            "result",
                            "hit"))
                    .isGreaterThanOrEqualTo(1);
        });
        assertThat(moved(
                        before,
                        Prometheus.scrape(managementPort),
                        "cache_gets_total",
                        "cache",
                        "public-articles",
                        "result",
                        "miss"))
                .isGreaterThanOrEqualTo(1);
    }

    /** The log lines of one request, written by the encoder production uses (JsonLogs). */
    @Test
    void aProblemCarriesTheRequestIdOfItsHeaderAndItsJsonLogLines() throws Exception {
        JsonLogs.Captured<HttpResponse<String>> logged = JsonLogs.during(
                environment,
                DispatcherServlet.class.getName(), // a line per request that reaches Spring MVC
                () -> new Api(port).get("/v1/articles/" + UUID.randomUUID()));
        HttpResponse<String> r = logged.result();

        JsonNode problem = Api.assertProblem(r, 404, "article-not-found");
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(problem.path("requestId").asString()).isEqualTo(id);

        assertThat(logged.lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo(id);
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(JsonLogs.field(line, "log", "level")).isEqualTo("DEBUG");
            assertThat(JsonLogs.field(line, "service", "name")).isEqualTo("cms-public-api");
        });
    }

    @Test
    void aWellFormedRequestIdIsKeptAndAForgedOrOversizedOneReplaced() throws Exception {
        String proxy = "lb-7f3a.2026-12-05_0001";
        HttpResponse<String> kept = new Api(port).get("/v1/articles/" + UUID.randomUUID(), "X-Request-Id", proxy);
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue(proxy);
        assertThat(Api.JSON.readTree(kept.body()).path("requestId").asString()).isEqualTo(proxy);

        for (String forged :
                List.of("x".repeat(65), "short", "id with spaces and \"quotes\"", "a{}b;c=d", "../../etc/passwd")) {
            HttpResponse<String> r = new Api(port).get("/v1/search?q=park", "X-Request-Id", forged);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Request-Id"))
                    .as(forged)
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        }
    }

    private static double moved(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
