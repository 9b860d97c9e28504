package news.cms.infra.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tests, the embedded engines and docker/ run the same versions. */
class EngineVersionsTest {

    private final EngineVersions pinned = EngineVersions.pinned();

    @Test
    void composeUsesThePinnedImages() throws Exception {
        String compose = Files.readString(root().resolve("docker/compose.yaml"));
        assertThat(compose).contains("image: " + pinned.postgresImage());
        assertThat(compose).contains("ELASTICSEARCH_IMAGE: " + pinned.elasticsearchImage());
        assertThat(Files.readString(root().resolve("docker/elasticsearch/Dockerfile")))
                .contains("ELASTICSEARCH_IMAGE=" + pinned.elasticsearchImage());
    }

    @Test
    void theSearchImageIsTheEmbeddedVersion() {
        assertThat(pinned.elasticsearchImage()).endsWith(":" + pinned.elasticsearchVersion());
        assertThat(pinned.postgresImage()).startsWith("postgres:18.");
    }

    private static Path root() {
        return Path.of(System.getProperty("cms.root", "..")).toAbsolutePath();
    }
}
