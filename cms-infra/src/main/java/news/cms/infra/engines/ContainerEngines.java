package news.cms.infra.engines;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import news.cms.infra.InfrastructureException;
import news.cms.infra.postgres.DatabaseRoles;
import news.cms.infra.search.SearchNodeDistribution;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker path: the same PostgreSQL and Elasticsearch images as docker/compose.yaml, the search
 * image with our analysis plugin installed. Only loaded when Testcontainers is on the classpath.
 */
final class ContainerEngines {

    private ContainerEngines() {}

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static Engines start(EngineVersions versions) {
        // The image's superuser sets the roles up, as docker/postgres/10-cms-roles.sh does in compose.
        var postgres = new PostgreSQLContainer(DockerImageName.parse(versions.postgresImage()))
                .withDatabaseName("cms")
                .withUsername("postgres")
                .withPassword(DatabaseRoles.randomSecret());
        postgres.start();
        DatabaseRoles roles = DatabaseRoles.withRandomPasswords();
        try (Connection superuser =
                DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword())) {
            roles.apply(superuser);
        } catch (SQLException e) {
            throw new InfrastructureException("cannot set up the database roles: " + e.getMessage(), e);
        }

        Path plugin = SearchNodeDistribution.locate().resolve("cms-analysis-plugin.zip");
        if (!Files.isRegularFile(plugin)) {
            throw new InfrastructureException(
                    "the analysis plugin " + plugin + " is missing: build cms-search-node first");
        }
        var image = new ImageFromDockerfile("cms-elasticsearch-test", false)
                .withFileFromPath("cms-analysis-plugin.zip", plugin)
                .withDockerfileFromBuilder(b -> b.from(versions.elasticsearchImage())
                        .copy("cms-analysis-plugin.zip", "/tmp/cms-analysis-plugin.zip")
                        .run("bin/elasticsearch-plugin install --batch file:///tmp/cms-analysis-plugin.zip")
                        .build());
        var elasticsearch = new ElasticsearchContainer(DockerImageName.parse(image.get())
                        .asCompatibleSubstituteFor("docker.elastic.co/elasticsearch/elasticsearch"))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("action.auto_create_index", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        elasticsearch.start();

        return new Engines(
                "testcontainers",
                postgres.getJdbcUrl(),
                roles,
                URI.create("http://" + elasticsearch.getHttpHostAddress()));
    }
}
