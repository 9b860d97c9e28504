package news.cms.moderation.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.ExportedMetrics;
import news.cms.testsupport.JsonLogs;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.Prometheus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the people on call see of the moderation app (docs/adr/0017): the intake's outcomes by
 * reason, screening by category, the intake's rate limit, the backlog by language, the request id in
 * problems; health and metrics on the management port only.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.trusted-proxies=127.0.0.1/32",
            "cms.metrics.sample-interval=200ms",
            "cms.moderation.intake.client-burst=3",
            "cms.moderation.intake.client-per-minute=3"
        })
@ExtendWith(ThisContextsSecurity.class)
class OperationsIT {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Outages outages;

    @Autowired
    Environment environment;

    @Autowired
    ArticleService articles;

    Article sorani;
    String client;

    @BeforeEach
    void publish() {
        sorani = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "بازاڕی کتێب لە سلێمانی", "بازاڕەکە ئەمڕۆ کرایەوە.", "سلێمانی"));
        client = "203.0.113." + CLIENTS.getAndIncrement();
    }

    @Test
    void everyMetricTheDashboardsUseIsExported() throws Exception {
        post("k-warm", Map.of("displayName", "Aram", "text", "Pîroz be!"));
        assertThat(Prometheus.scrape(managementPort).names()).containsAll(ExportedMetrics.MODERATION);
    }

    @Test
    void intakeOutcomesCountByReasonAndScreeningByCategory() throws Exception {
        Prometheus before = Prometheus.scrape(managementPort);

        // A personal attack in Sorani: accepted, pending, flagged; then the same request again.
        Map<String, Object> insult = Map.of("displayName", "ئارام", "text", "تۆ گەمژەیت، ئەم بازاڕە بێکەڵکە");
        assertThat(post("k-1", insult).statusCode()).isEqualTo(201);
        assertThat(post("k-1", insult).statusCode()).isEqualTo(200);
        // Not JSON at all.
        assertThat(send("k-2", "{not json".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);

        Prometheus after = Prometheus.scrape(managementPort);
        String intake = "cms_intake_comments_total";
        assertThat(moved(before, after, intake, "outcome", "accepted", "reason", "none"))
                .isEqualTo(1);
        assertThat(moved(before, after, intake, "outcome", "repeat", "reason", "none"))
                .isEqualTo(1);
        assertThat(moved(before, after, intake, "outcome", "refused", "reason", "invalid-json"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_screening_flags_total", "category", "personal-attacks"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_screening_flags_total", "category", "threats"))
                .isZero();
        assertThat(moved(before, after, "cms_screening_comments_total", "outcome", "flagged"))
                .isEqualTo(1);
    }

    @Test
    void aFloodIsRefusedAsRateLimitedAndCountedAgainstTheIntakeLimit() throws Exception {
        Prometheus before = Prometheus.scrape(managementPort);
        for (int i = 0; i < 4; i++) {
            post("flood-" + i, Map.of("displayName", "Selin", "text", "Yorum numarası " + i));
        }
        Prometheus after = Prometheus.scrape(managementPort);
        assertThat(moved(before, after, "cms_intake_comments_total", "outcome", "refused", "reason", "rate-limited"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_ratelimit_refusals_total", "limit", "comment-intake"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_screening_comments_total")).isEqualTo(3);
    }

    @Test
    void theBacklogIsCountedByLanguage() throws Exception {
        assertThat(post("k-ckb", Map.of("displayName", "Shilan", "text", "دەستخۆش، هەواڵێکی باشە"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(post("k-tr", Map.of("displayName", "Deniz", "text", "Güzel haber, teşekkürler.", "language", "tr"))
                        .statusCode())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Prometheus now = Prometheus.scrape(managementPort);
            assertThat(now.value("cms_comments_pending", "language", "ckb")).isGreaterThanOrEqualTo(1);
            assertThat(now.value("cms_comments_pending", "language", "tr")).isGreaterThanOrEqualTo(1);
            assertThat(now.has("cms_comments_pending_oldest_age_seconds")).isTrue();
        });
    }

    @Test
    void aRefusalCarriesTheRequestIdOfItsHeader() throws Exception {
        HttpResponse<String> refused = send("k-bad", "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        String id = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f]{32}");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("type").asString()).endsWith("/invalid-json");
        assertThat(problem.path("requestId").asString()).isEqualTo(id);

        // An error the servlet container answers (no such method) has it too.
        HttpResponse<String> notAllowed = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/articles/" + sorani.id() + "/comments"))
                        .header("X-Request-Id", "edge-proxy-000123")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notAllowed.statusCode()).isEqualTo(405);
        assertThat(notAllowed.headers().firstValue("X-Request-Id")).hasValue("edge-proxy-000123");
        assertThat(json.readTree(notAllowed.body()).path("requestId").asString())
                .isEqualTo("edge-proxy-000123");
    }

    /** Production's JSON log lines of one request carry its id, level and the app's name (JsonLogs). */
    @Test
    void aRefusalsJsonLogLinesCarryItsRequestId() throws Exception {
        JsonLogs.Captured<HttpResponse<String>> logged = JsonLogs.during(
                environment,
                DispatcherServlet.class.getName(), // a line per request that reaches Spring MVC
                () -> send("k-bad-log", "{\"body\":".getBytes(StandardCharsets.UTF_8)));
        assertThat(logged.result().statusCode()).isEqualTo(400);
        String id = logged.result().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(json.readTree(logged.result().body()).path("requestId").asString())
                .isEqualTo(id);
        assertThat(logged.lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo(id);
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(JsonLogs.field(line, "log", "level")).isEqualTo("DEBUG");
            assertThat(JsonLogs.field(line, "service", "name")).isEqualTo("cms-moderation");
        });
    }

    @Test
    void readinessFollowsTheDatabaseAndLivenessNeverAsksIt() throws Exception {
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
        // The database's breaker open, as after repeated failures (ADR 0013): the db indicator is
        // DOWN at once, so load balancers stop sending users here; the process is not restarted.
        CircuitBreaker breaker = outages.database();
        try {
            while (breaker.state() != CircuitBreaker.State.OPEN) {
                breaker.failed();
            }
            HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"DOWN\"");
            HttpResponse<String> liveness = get(managementPort, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("\"UP\"");
        } finally {
            breaker.close();
        }
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortAndNothingElseOfTheActuatorAnywhere() throws Exception {
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump", "/actuator/metrics")) {
            assertThat(get(managementPort, path).statusCode())
                    .as(path)
                    .isIn(302, 403, 404); // 302: the login page, which this port lacks
        }
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/env")) {
            HttpResponse<String> r = get(port, path);
            assertThat(r.statusCode()).as(path).isNotEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("jvm_memory_used_bytes", "\"status\"");
        }
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String key, Map<String, Object> body) throws Exception {
        return send(key, json.writeValueAsBytes(body));
    }

    private HttpResponse<String> send(String key, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/articles/" + sorani.id() + "/comments"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", client)
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static double moved(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
