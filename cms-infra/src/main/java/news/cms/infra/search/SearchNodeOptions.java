package news.cms.infra.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link SearchNode}.
 *
 * @param httpPort the HTTP port on 127.0.0.1, or 0 for any free one
 * @param transportPort the transport port, usually 0 (a single node talks to nobody)
 * @param dataDirectory where the indices live between runs, or {@code null} for a temporary folder
 *     that is deleted when the node stops
 * @param heap the child JVM's heap, used for both -Xms and -Xmx (e.g. {@code 512m})
 * @param startTimeout how long the node may take until it answers cluster health
 * @param clusterName the Elasticsearch cluster name
 * @param distribution the distribution folder, or {@code null} to {@linkplain
 *     SearchNodeDistribution#locate() locate} it
 * @param jvmArguments extra arguments for the child JVM, after the distribution's own
 */
public record SearchNodeOptions(
        int httpPort,
        int transportPort,
        Path dataDirectory,
        String heap,
        Duration startTimeout,
        String clusterName,
        Path distribution,
        List<String> jvmArguments) {

    public static final int DEV_HTTP_PORT = 9200;
    public static final String DEFAULT_HEAP = "512m";
    /**
     * A node starts in 25–50 s here; at a load average of 20 one took over 90 s. The bound only
     * decides how long a node that will never come up is waited for.
     */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);

    public SearchNodeOptions {
        if (httpPort < 0 || httpPort > 65535 || transportPort < 0 || transportPort > 65535) {
            throw new IllegalArgumentException("ports must be 0 (any free port) or 1-65535");
        }
        if (heap == null || !heap.matches("[1-9][0-9]*[kKmMgG]")) {
            throw new IllegalArgumentException("heap must look like 512m or 1g, not " + heap);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (clusterName == null || !clusterName.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("cluster name must be plain letters, digits, - and _");
        }
        jvmArguments = List.copyOf(jvmArguments);
    }

    /** For tests: any free port, data in a temporary folder deleted on close. */
    public static SearchNodeOptions ephemeral() {
        return new SearchNodeOptions(0, 0, null, DEFAULT_HEAP, DEFAULT_START_TIMEOUT, "cms-test", null, List.of());
    }

    /** For the dev stack: a fixed port (9200 there) and data kept in {@code dataDirectory}. */
    public static SearchNodeOptions persistent(int httpPort, Path dataDirectory) {
        return new SearchNodeOptions(
                httpPort,
                0,
                Objects.requireNonNull(dataDirectory, "dataDirectory"),
                DEFAULT_HEAP,
                DEFAULT_START_TIMEOUT,
                "cms-dev",
                null,
                List.of());
    }

    public boolean temporaryData() {
        return dataDirectory == null;
    }

    public SearchNodeOptions withHttpPort(int port) {
        return new SearchNodeOptions(
                port, transportPort, dataDirectory, heap, startTimeout, clusterName, distribution, jvmArguments);
    }

    public SearchNodeOptions withDataDirectory(Path dir) {
        return new SearchNodeOptions(
                httpPort, transportPort, dir, heap, startTimeout, clusterName, distribution, jvmArguments);
    }

    public SearchNodeOptions withHeap(String size) {
        return new SearchNodeOptions(
                httpPort, transportPort, dataDirectory, size, startTimeout, clusterName, distribution, jvmArguments);
    }

    public SearchNodeOptions withStartTimeout(Duration timeout) {
        return new SearchNodeOptions(
                httpPort, transportPort, dataDirectory, heap, timeout, clusterName, distribution, jvmArguments);
    }

    public SearchNodeOptions withClusterName(String name) {
        return new SearchNodeOptions(
                httpPort, transportPort, dataDirectory, heap, startTimeout, name, distribution, jvmArguments);
    }

    public SearchNodeOptions withDistribution(Path folder) {
        return new SearchNodeOptions(
                httpPort, transportPort, dataDirectory, heap, startTimeout, clusterName, folder, jvmArguments);
    }

    public SearchNodeOptions withJvmArguments(List<String> arguments) {
        return new SearchNodeOptions(
                httpPort, transportPort, dataDirectory, heap, startTimeout, clusterName, distribution, arguments);
    }
}
