package news.cms.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.infra.engines.EngineVersions;
import org.junit.jupiter.api.Test;

/**
 * docker/ against what the apps require (ADR 0018); there is no Docker engine here, so the files are
 * parsed. The required variables come from the apps' own configuration ({@code cms.secrets.required},
 * the management port), not from a list in this test, so adding a secret to an app fails here until
 * compose gives it.
 */
class ComposeContractTest {

    /** {@code ${NAME:?message}}: compose refuses to start without it. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:\\?[^}]+}");

    private final ComposeFile compose = ComposeFile.read();

    @Test
    void everyAppIsGivenEverySecretItRefusesToStartWithout() {
        assertThat(compose.apps())
                .containsOnlyKeys("editor-ui", "public-api", "moderation")
                .containsValues("cms-editor-ui", "cms-public-api", "cms-moderation");
        compose.apps().forEach((service, module) -> {
            List<String> secrets = ComposeFile.requiredSecrets(module);
            assertThat(secrets).as(module).contains("spring.datasource.password", "spring.flyway.password");
            Map<String, String> env = compose.environment(service);
            for (String secret : secrets) {
                assertThat(env.get(ComposeFile.environmentVariable(secret)))
                        .as(service + " needs " + secret + " as " + ComposeFile.environmentVariable(secret))
                        .isNotNull()
                        .matches(REQUIRED);
            }
        });
        assertThat(ComposeFile.requiredSecrets("cms-moderation"))
                .contains("cms.moderation.intake.cursor-secret", "cms.comments.email-pepper");
    }

    @Test
    void noVariableHasADefault() {
        Matcher m = ComposeFile.VARIABLE.matcher(compose.text());
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v).matches(REQUIRED));
    }

    @Test
    void theFirstAdminComesFromAVariableAndASecretFile() {
        Map<String, String> editor = compose.environment("editor-ui");
        assertThat(editor.get("CMS_BOOTSTRAP_ADMIN_USERNAME")).matches(REQUIRED);
        String file = editor.get("CMS_BOOTSTRAP_ADMIN_PASSWORDFILE");
        assertThat(file).startsWith("/run/secrets/");
        assertThat(compose.service("editor-ui").get("secrets"))
                .asList()
                .contains(file.substring("/run/secrets/".length()));
    }

    @Test
    void searchRunsWithSecurityAndTheAppsSignInOverTls() {
        Map<String, String> search = compose.environment("elasticsearch");
        assertThat(search)
                .containsEntry("xpack.security.enabled", "true")
                .containsEntry("xpack.security.http.ssl.enabled", "true")
                // as the test and dev nodes: a write during an index rebuild can't make a stray index
                .containsEntry("action.auto_create_index", "false");
        String password = search.get("ELASTIC_PASSWORD");
        assertThat(password).matches(REQUIRED);
        for (String app : compose.apps().keySet()) {
            Map<String, String> env = compose.environment(app);
            assertThat(env.get("CMS_SEARCH_URI")).as(app).startsWith("https://elasticsearch:");
            assertThat(env).as(app).containsEntry("CMS_SEARCH_USERNAME", "elastic");
            assertThat(variable(env.get("CMS_SEARCH_PASSWORD"))).as(app).isEqualTo(variable(password));
            String bundle = env.get("CMS_SEARCH_SSLBUNDLE");
            assertThat(bundle).as(app).isNotBlank();
            assertThat(env.get("SPRING_SSL_BUNDLE_PEM_" + ComposeFile.environmentVariable(bundle)
                            + "_TRUSTSTORE_CERTIFICATE"))
                    .as(app + " trusts the cluster's CA")
                    .startsWith("file:/run/certs/");
        }
    }

    @Test
    void everyServiceHasAHealthCheckAndTheAppsAskTheirReadiness() {
        compose.services()
                .forEach((name, service) -> assertThat(service.get("healthcheck"))
                        .as(name + " has a health check")
                        .isInstanceOfSatisfying(
                                Map.class,
                                h -> assertThat(String.valueOf(h.get("test"))).isNotBlank()));
        compose.apps().forEach((service, module) -> {
            var config = ComposeFile.appConfiguration(module);
            // Health answers on the management port where an app has one (the public API), else on its own.
            String port = config.getProperty("management.server.port", config.getProperty("server.port"));
            Map<?, ?> check = (Map<?, ?>) compose.service(service).get("healthcheck");
            assertThat(String.valueOf(check.get("test")))
                    .as(service)
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
        });
    }

    @Test
    void imagesArePinnedToTheVersionsTheTestsRun() {
        EngineVersions pinned = EngineVersions.pinned();
        assertThat(compose.service("postgres")).containsEntry("image", pinned.postgresImage());
        Map<?, ?> searchBuild = (Map<?, ?>) compose.service("elasticsearch").get("build");
        assertThat(((Map<?, ?>) searchBuild.get("args")).get("ELASTICSEARCH_IMAGE"))
                .isEqualTo(pinned.elasticsearchImage());
        // Every image anyone adds names an exact release (18.6, 9.5.3; not 18 or latest), optionally with its digest.
        compose.services().forEach((name, service) -> {
            if (service.get("image") instanceof String image) {
                assertThat(image).as(name).matches("[^:@]+:v?\\d+(\\.\\d+)+[^:@]*(@sha256:[0-9a-f]{64})?");
            }
        });
        String app = ComposeFile.read(ComposeFile.ROOT.resolve("docker/app.Dockerfile"));
        assertThat(app).containsPattern("(?m)^FROM eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-jre\\S*$");
    }

    @Test
    void theBuildContextCarriesOnlyWhatTheDockerfilesCopy() {
        DockerIgnore ignore = DockerIgnore.read(ComposeFile.ROOT.resolve(".dockerignore"));
        List<String> copied = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build) {
                Map<String, String> args = new LinkedHashMap<>();
                if (build.get("args") instanceof Map<?, ?> a) {
                    a.forEach((k, v) -> args.put(String.valueOf(k), String.valueOf(v)));
                }
                String dockerfile = ComposeFile.read(ComposeFile.ROOT.resolve(String.valueOf(build.get("dockerfile"))));
                Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+\\S+$").matcher(dockerfile);
                while (copy.find()) {
                    copied.add(ComposeFile.substitute(copy.group(1), args));
                }
            }
        });
        assertThat(copied)
                .contains(
                        "cms-editor-ui/target/cms-editor-ui.jar",
                        "cms-public-api/target/cms-public-api.jar",
                        "cms-moderation/target/cms-moderation.jar",
                        "cms-search-node/target/search-node/cms-analysis-plugin.zip")
                .allSatisfy(path -> assertThat(ignore.sends(path))
                        .as(path + " reaches the build")
                        .isTrue());
        assertThat(List.of(
                        ".git/HEAD",
                        ".cms-data/secrets.properties",
                        ".cms-data/postgres/base/1/112",
                        "cms-core/target/classes/cms-core.properties",
                        "cms-editor-ui/target/classes/application.properties",
                        "cms-editor-ui/target/cms-editor-ui.jar.original",
                        "cms-devstack/target/cms-devstack.jar",
                        "cms-demo/target/cms-demo.jar",
                        "bench/search/.data/x"))
                .allSatisfy(path ->
                        assertThat(ignore.sends(path)).as(path + " stays out").isFalse());
    }

    private static String variable(String value) {
        Matcher m = ComposeFile.VARIABLE.matcher(value);
        assertThat(m.find()).as(value).isTrue();
        return m.group(1);
    }
}
