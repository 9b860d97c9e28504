package news.cms.infra.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import news.cms.infra.InfrastructureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchNodeDistributionTest {

    @TempDir
    Path tmp;

    @Test
    void thePropertyWinsOverTheEnvironmentAndTheRoot() {
        Map<String, String> props = Map.of("cms.search-node.home", "/opt/node", "cms.root", "/work");
        Map<String, String> env = Map.of("CMS_SEARCH_NODE_HOME", "/env/node");
        assertThat(SearchNodeDistribution.candidate(props::get, env::get, tmp)).isEqualTo(Path.of("/opt/node"));
        assertThat(SearchNodeDistribution.candidate(Map.of("cms.root", "/work")::get, env::get, tmp))
                .isEqualTo(Path.of("/env/node"));
        assertThat(SearchNodeDistribution.candidate(Map.of("cms.root", "/work")::get, k -> null, tmp))
                .isEqualTo(Path.of("/work/cms-search-node/target/search-node"));
    }

    @Test
    void withoutPropertiesTheRootIsFoundAboveTheWorkingDirectory() throws Exception {
        Files.createDirectories(tmp.resolve("cms-search-node"));
        Path module = Files.createDirectories(tmp.resolve("cms-core/src"));
        assertThat(SearchNodeDistribution.candidate(k -> null, k -> null, module))
                .isEqualTo(tmp.resolve("cms-search-node/target/search-node"));
    }

    @Test
    void aMissingFolderNamesTheBuildCommand() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> SearchNodeDistribution.requireComplete(missing))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("distribution folder not found at " + missing)
                .hasMessageContaining("./mvnw -pl cms-search-node package");
        assertThatThrownBy(() -> SearchNode.start(SearchNodeOptions.ephemeral().withDistribution(missing)))
                .hasMessageContaining("./mvnw -pl cms-search-node package");
    }

    @Test
    void anIncompleteFolderIsReported() throws Exception {
        Files.createDirectories(tmp.resolve("lib"));
        assertThatThrownBy(() -> SearchNodeDistribution.requireComplete(tmp))
                .hasMessageContaining("incomplete")
                .hasMessageContaining("config/cms-search-node.args");
    }

    @Test
    void theChildRunsOnThisJdkWithTheDistributionsArgumentFile() {
        var options = SearchNodeOptions.ephemeral().withHeap("256m");
        var command = SearchNode.command(Path.of("/dist"), Path.of("/data"), options);
        assertThat(command.getFirst()).isEqualTo(SearchNode.javaExecutable());
        assertThat(command)
                .containsSubsequence(
                        "-Xms256m",
                        "-Xmx256m",
                        "@/dist/config/cms-search-node.args",
                        "news.cms.searchnode.SearchNodeMain",
                        "--home=/dist",
                        "--data=/data",
                        "--http-port=0")
                .contains("--watch-stdin=true", "--delete-data-on-exit=true");
    }
}
