package news.cms.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml (no Docker engine runs here) sets the database up as the tests do and gives
 * every app its roles and secrets with no default (ADR 0009).
 */
class ComposeRolesAndSecretsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("cms.root", "..")).toAbsolutePath();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        try (Reader in = Files.newBufferedReader(ROOT.resolve("docker/compose.yaml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) throws Exception {
        return (Map<String, String>) services().get(service).get("environment");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresRunsTheRolesScriptTheTestsRun() throws Exception {
        assertThat((List<String>) services().get("postgres").get("volumes"))
                .contains(
                        "./postgres/10-cms-roles.sh:/docker-entrypoint-initdb.d/10-cms-roles.sh:ro",
                        "./postgres/cms-roles.sql:/opt/cms/cms-roles.sql:ro");
        assertThat(Files.readString(ROOT.resolve("docker/postgres/10-cms-roles.sh")))
                .contains("\\i /opt/cms/cms-roles.sql");
        // The script the engines apply is the one compose mounts, byte for byte.
        assertThat(DatabaseRoles.script()).isEqualTo(Files.readString(ROOT.resolve("docker/postgres/cms-roles.sql")));
        assertThat(environment("postgres"))
                .containsEntry("POSTGRES_USER", "postgres")
                .containsKeys("CMS_DB_OWNER_PASSWORD", "CMS_DB_APP_PASSWORD");
    }

    @Test
    void everyAppConnectsAsTheAppRoleAndMigratesAsTheOwner() throws Exception {
        for (String app : List.of("editor-ui", "public-api", "moderation")) {
            assertThat(environment(app))
                    .as(app)
                    .containsEntry("SPRING_DATASOURCE_USERNAME", DatabaseRoles.APP)
                    .containsEntry("SPRING_FLYWAY_USER", DatabaseRoles.OWNER)
                    .containsKeys("SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_PASSWORD");
        }
    }

    // Which secrets each app is given, and that none has a default, is checked against the apps' own
    // configuration by cms-devstack's ComposeContractTest (ADR 0018).
}
