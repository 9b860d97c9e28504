package news.cms.editor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.ExportedMetrics;
import news.cms.testsupport.JsonLogs;
import news.cms.testsupport.Prometheus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.security.web.FilterChainProxy;

/**
 * What the people on call see of the editor (docs/adr/0017): failed and throttled sign-ins, the
 * request id on every answer, health and metrics on the management port and nowhere else.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.sign-in.account-failures=2", "cms.sign-in.address-failures=1000"})
class OperationsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Outages outages;

    @Autowired
    Environment environment;

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void everyMetricTheDashboardsUseIsExported() throws Exception {
        get(port, "/login");
        assertThat(Prometheus.scrape(managementPort).names()).containsAll(ExportedMetrics.EDITOR);
    }

    @Test
    void wrongPasswordsCountAsFailuresAndTheWaitTheyStartAsAThrottle() throws Exception {
        Prometheus before = Prometheus.scrape(managementPort);

        // Two wrong passwords start the account's wait; the third attempt is refused unchecked.
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = signIn("dilan.aksoy", "not-her-password-" + i);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("error"));
        }

        Prometheus after = Prometheus.scrape(managementPort);
        assertThat(moved(before, after, "cms_signin_failures_total", "reason", "bad-credentials"))
                .isEqualTo(2);
        assertThat(moved(before, after, "cms_signin_failures_total", "reason", "throttled"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_signin_throttles_total", "scope", "account"))
                .isEqualTo(1);
        assertThat(moved(before, after, "cms_signin_throttles_total", "scope", "address"))
                .isZero();
    }

    @Test
    void everyAnswerCarriesARequestId() throws Exception {
        HttpResponse<String> login = get(port, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));

        HttpResponse<String> relayed = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("X-Request-Id", "gateway-5d1c-0042")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(relayed.headers().firstValue("X-Request-Id")).hasValue("gateway-5d1c-0042");
    }

    /** Production's JSON log lines of one request carry its id, level and the app's name (JsonLogs). */
    @Test
    void aRequestsJsonLogLinesCarryItsId() throws Exception {
        JsonLogs.Captured<HttpResponse<String>> logged = JsonLogs.during(
                environment,
                FilterChainProxy.class.getName(), // a line per request that meets Spring Security
                () -> http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .header("X-Request-Id", "gateway-5d1c-0043")
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
        assertThat(logged.result().statusCode()).isEqualTo(200);
        assertThat(logged.lines()).isNotEmpty().allSatisfy(line -> {
            assertThat(line.path("requestId").asString()).isEqualTo("gateway-5d1c-0043");
            assertThat(line.path("@timestamp").asString()).isNotBlank();
            assertThat(JsonLogs.field(line, "log", "level")).isEqualTo("DEBUG");
            assertThat(JsonLogs.field(line, "service", "name")).isEqualTo("cms-editor-ui");
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
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator")) {
            HttpResponse<String> r = get(port, path);
            assertThat(r.statusCode()).as(path).isNotEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("jvm_memory_used_bytes", "\"status\"");
        }
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(get(port, "/login").body());
        assertThat(token.find()).as("a CSRF token in the login page").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double moved(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
