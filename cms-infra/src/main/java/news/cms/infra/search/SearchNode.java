package news.cms.infra.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import news.cms.infra.InfrastructureException;
import news.cms.infra.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node in a child JVM, started from the cms-search-node distribution folder with
 * the same java as this JVM. The child's standard input stays an open pipe from this JVM: when this
 * JVM dies, even by kill -9, the pipe ends and the child stops itself, so no orphan keeps a port or a
 * data folder. {@link #close()} (or this JVM's shutdown hook) stops it normally.
 */
public final class SearchNode implements AutoCloseable {

    /** The line the launcher prints when the node serves requests; see cms-search-node's SearchNodeMain. */
    static final String READY = "CMS-SEARCH-NODE-READY";

    static final String MAIN_CLASS = "news.cms.searchnode.SearchNodeMain";

    private static final Logger log = LoggerFactory.getLogger(SearchNode.class);
    private static final int TAIL_LINES = 30;
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);

    private final Process process;
    private final URI uri;
    private final Path dataDirectory;
    private final boolean temporaryData;
    private final Thread shutdownHook;
    private boolean closed;

    private SearchNode(Process process, URI uri, Path dataDirectory, boolean temporaryData) {
        this.process = process;
        this.uri = uri;
        this.dataDirectory = dataDirectory;
        this.temporaryData = temporaryData;
        this.shutdownHook = new Thread(this::stop, "cms-search-node-stop-" + process.pid());
    }

    /**
     * Starts a node and waits until its cluster health is yellow or green.
     *
     * @throws InfrastructureException naming the cause (distribution missing, port taken, data folder
     *     in use, timeout with the last output); the child is gone by then
     */
    public static SearchNode start(SearchNodeOptions options) {
        long begin = System.nanoTime();
        Path home = options.distribution() == null
                ? SearchNodeDistribution.locate()
                : SearchNodeDistribution.requireComplete(
                        options.distribution().toAbsolutePath().normalize());
        if (options.httpPort() != 0) {
            Ports.requireFree(options.httpPort(), "Elasticsearch");
        }
        Path data = prepareDataDirectory(options);
        List<String> command = command(home, data, options);
        log.debug("starting Elasticsearch: {}", String.join(" ", command));

        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE) // the orphan guard: never written, never closed
                    .start();
        } catch (IOException e) {
            deleteIfTemporary(data, options.temporaryData());
            throw new InfrastructureException(
                    "cannot start the Elasticsearch JVM " + command.getFirst() + ": " + e.getMessage(), e);
        }
        Output output = new Output(process);
        output.start();

        Duration timeout = options.startTimeout();
        URI uri;
        try {
            String ready = output.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            uri = URI.create(ready.split("\\s+")[1]);
            awaitHealth(uri, deadline(begin, timeout), process);
        } catch (TimeoutException e) {
            kill(process);
            deleteIfTemporary(data, options.temporaryData());
            throw new InfrastructureException(
                    "Elasticsearch did not start within " + seconds(timeout) + " s; last output:\n" + output.tail());
        } catch (ExecutionException | RuntimeException e) {
            kill(process);
            deleteIfTemporary(data, options.temporaryData());
            throw new InfrastructureException(explainFailure(process, options, data, output.tail(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            deleteIfTemporary(data, options.temporaryData());
            throw new InfrastructureException("interrupted while Elasticsearch was starting", e);
        }
        output.started();

        SearchNode node = new SearchNode(process, uri, data, options.temporaryData());
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        log.info(
                "Elasticsearch ready at {} in {} ms (pid {}, data {})",
                uri,
                (System.nanoTime() - begin) / 1_000_000,
                process.pid(),
                options.temporaryData() ? "temporary" : data);
        return node;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI uri() {
        return uri;
    }

    public int port() {
        return uri.getPort();
    }

    /** The child JVM's process id. */
    public long pid() {
        return process.pid();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the node: SIGTERM, then kill after 10 s; deletes temporary data. Safe to call twice. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook runs (or ran) stop() anyway
        }
        stop();
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "Elasticsearch (pid {}) did not stop within {} s: killing it",
                        pid(),
                        GRACEFUL_STOP.toSeconds());
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
        deleteIfTemporary(dataDirectory, temporaryData);
        log.info("Elasticsearch at {} stopped{}", uri, temporaryData ? " and its temporary data removed" : "");
    }

    static List<String> command(Path home, Path data, SearchNodeOptions options) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xms" + options.heap());
        command.add("-Xmx" + options.heap());
        command.add("@" + home.resolve(SearchNodeDistribution.ARGS_FILE));
        command.add("-Dcms.search-node.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(options.jvmArguments());
        command.add(MAIN_CLASS);
        command.add("--home=" + home);
        command.add("--data=" + data);
        command.add("--http-port=" + options.httpPort());
        command.add("--transport-port=" + options.transportPort());
        command.add("--cluster-name=" + options.clusterName());
        command.add("--watch-stdin=true");
        command.add("--delete-data-on-exit=" + options.temporaryData());
        return command;
    }

    /** The java that runs this JVM, so the node runs on the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Path prepareDataDirectory(SearchNodeOptions options) {
        try {
            if (options.temporaryData()) {
                return Files.createTempDirectory("cms-search-node-");
            }
            Path data = options.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(data);
            return data;
        } catch (IOException e) {
            throw new InfrastructureException("cannot prepare the Elasticsearch data folder: " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    private static long deadline(long begin, Duration timeout) {
        return begin + timeout.toNanos();
    }

    /** Waits for cluster health yellow or green, until the start deadline. */
    private static void awaitHealth(URI uri, long deadline, Process process) throws TimeoutException {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String lastProblem = "no answer";
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue()
                            + " while waiting for cluster health");
                }
                long waitSeconds = Math.max(1, Math.min(30, (deadline - System.nanoTime()) / 1_000_000_000));
                HttpRequest request = HttpRequest.newBuilder(
                                uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=" + waitSeconds + "s"))
                        .timeout(Duration.ofSeconds(waitSeconds + 5))
                        .GET()
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    String body = response.body();
                    if (response.statusCode() == 200
                            && (body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""))) {
                        return;
                    }
                    lastProblem = "HTTP " + response.statusCode() + ": " + body;
                } catch (IOException e) {
                    lastProblem = e.toString();
                }
                Thread.sleep(200);
            }
            throw new TimeoutException("cluster health: " + lastProblem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for cluster health", e);
        }
    }

    private static String explainFailure(
            Process process, SearchNodeOptions options, Path data, String tail, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String exit = process.isAlive() ? "" : " (exit code " + process.exitValue() + ")";
        if (tail.contains("BindHttpException")
                || tail.contains("BindTransportException")
                || tail.contains("Address already in use")) {
            String port = options.httpPort() == 0 ? "a port" : "port " + options.httpPort();
            return port + " is already in use: Elasticsearch could not bind it" + exit
                    + "; stop what listens there or choose another port. Last output:\n" + tail;
        }
        if (tail.contains("failed to obtain node locks")) {
            return "another Elasticsearch node is using the data folder " + data
                    + ": stop it first (or reset the folder)" + exit + ". Last output:\n" + tail;
        }
        if (tail.contains("UnsupportedClassVersionError") || tail.contains("Unrecognized option")) {
            return "Elasticsearch 9 needs Java 21 or newer; the child ran " + javaExecutable() + exit
                    + ". Last output:\n" + tail;
        }
        return "Elasticsearch did not start" + exit + ": " + cause.getMessage() + "; last output:\n" + tail;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteIfTemporary(Path dir, boolean temporary) {
        if (!temporary || dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the temporary Elasticsearch data {}: {}", dir, e.toString());
        }
    }

    /** Reads the child's output: finds the ready line, keeps the last lines, forwards all to the log. */
    private static final class Output extends Thread {

        final CompletableFuture<String> ready = new CompletableFuture<>();
        private final Process process;
        private final Deque<String> tail = new ArrayDeque<>();
        private volatile boolean started;

        Output(Process process) {
            super("cms-search-node-output-" + process.pid());
            setDaemon(true);
            this.process = process;
        }

        @Override
        public void run() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    remember(line);
                    if (!ready.isDone() && line.startsWith(READY + " ")) {
                        ready.complete(line);
                    } else if (started) {
                        log.info("[elasticsearch] {}", line);
                    } else {
                        log.debug("[elasticsearch] {}", line);
                    }
                }
            } catch (IOException e) {
                log.debug("reading the Elasticsearch output ended: {}", e.toString());
            }
            ready.completeExceptionally(new IllegalStateException("Elasticsearch exited before it was ready"));
        }

        void started() {
            started = true;
        }

        private synchronized void remember(String line) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized String tail() {
            return String.join("\n", tail);
        }
    }
}
