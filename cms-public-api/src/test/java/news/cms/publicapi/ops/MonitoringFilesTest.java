package news.cms.publicapi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.testsupport.ExportedMetrics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The on-call pictures in docker/ (docs/adr/0017) against what the apps export: every metric the
 * Grafana dashboard and the Prometheus alert rules name is on the lists that each app's
 * OperationsIT checks against a real scrape; Prometheus scrapes each app's management port; the
 * images are pinned to exact versions.
 */
class MonitoringFilesTest {

    private static final Path DOCKER = Path.of(System.getProperty("cms.root", ".."), "docker");

    /** PromQL words that look like metric names but are not. */
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "offset",
            "bool",
            "and",
            "or",
            "unless",
            "inf",
            "nan");

    @Test
    void everyMetricTheDashboardAndTheAlertRulesNameIsExportedByAnApp() throws IOException {
        List<String> expressions = new ArrayList<>(dashboardExpressions());
        expressions.addAll(alertExpressions());
        assertThat(expressions).hasSizeGreaterThan(15);

        Set<String> named = new TreeSet<>();
        expressions.forEach(e -> named.addAll(metricNames(e)));

        assertThat(named)
                .as("the metrics the dashboard and rules use")
                .contains(
                        "cms_search_index_lag_seconds",
                        "cms_outbox_oldest_age_seconds",
                        "cms_comments_pending",
                        "http_server_requests_seconds_count",
                        "jvm_memory_used_bytes");
        assertThat(ExportedMetrics.anyApp()).containsAll(named);
    }

    @Test
    void theAlertRulesCoverIndexLagTheOutboxAndTheModerationBacklog() throws IOException {
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : list(yaml("prometheus/alerts.yml").get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                rules.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        assertThat(rules.get("SearchIndexLagging"))
                .contains("cms_search_index_lag_seconds")
                .endsWith("> 60");
        assertThat(rules.get("OutboxEventStuck"))
                .contains("cms_outbox_oldest_age_seconds")
                .endsWith("> 300");
        assertThat(rules.get("ModerationBacklogGrowing")).contains("cms_comments_pending");
    }

    @Test
    void prometheusScrapesEachAppOnItsManagementPort() throws IOException {
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> job : list(yaml("prometheus/prometheus.yml").get("scrape_configs"))) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            List<Map<String, Object>> configs = list(job.get("static_configs"));
            targets.put(
                    (String) job.get("job_name"),
                    String.join(",", strings(configs.getFirst().get("targets"))));
        }
        assertThat(targets)
                .containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                        "cms-editor-ui", "editor-ui:9080",
                        "cms-public-api", "public-api:9081",
                        "cms-moderation", "moderation:9082")));
    }

    @Test
    void prometheusAndGrafanaArePinnedAndGetTheirFiles() throws IOException {
        Map<String, Object> services = map(yaml("compose.yaml").get("services"));
        assertThat(map(services.get("prometheus")).get("image"))
                .asString()
                .matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat(map(services.get("grafana")).get("image")).asString().matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
        assertThat(strings(map(services.get("grafana")).get("volumes")))
                .contains(
                        "./grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(strings(map(services.get("prometheus")).get("volumes")))
                .contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    /** The metric names in one PromQL expression: label matchers, grouping labels and functions left out. */
    static Set<String> metricNames(String expr) {
        String plain = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges and subqueries
                .replaceAll("\\boffset\\s+-?[0-9a-z]+", " ") // offsets
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?")
                .matcher(plain);
        while (word.find()) {
            String token = word.group().replaceAll("\\s*\\($", "");
            boolean function = word.group().endsWith("(");
            if (!function && !KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT))) {
                names.add(token);
            }
        }
        return names;
    }

    @Test
    void theExtractionFindsMetricsAndNothingElse() {
        assertThat(
                        metricNames(
                                "sum by (application, status) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m])) / on (x) max(up offset 1h) > 0"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "up");
    }

    private static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(Files.readString(DOCKER.resolve("grafana/dashboards/cms-operations.json")));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        return expressions;
    }

    private static List<String> alertExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : list(yaml("prometheus/alerts.yml").get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return (List<String>) o;
    }
}
