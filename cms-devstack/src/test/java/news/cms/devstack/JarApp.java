package news.cms.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.infra.process.Watchdog;
import org.awaitility.Awaitility;

/**
 * One app run from its jar with the Docker image's ENTRYPOINT (docker/app.Dockerfile): the JVM's own
 * defaults and {@code -jar}, no demo jar, its settings in its environment only.
 */
final class JarApp implements AutoCloseable {

    private final String module;
    private final Process process;
    private final Process watchdog;
    private final Path log;

    private JarApp(String module, Process process, Process watchdog, Path log) {
        this.module = module;
        this.process = process;
        this.watchdog = watchdog;
        this.log = log;
    }

    /** The image's ENTRYPOINT with this JDK's java and the module's jar in place of /app/app.jar. */
    static List<String> entrypoint(String module) {
        String dockerfile = ComposeFile.read(ComposeFile.ROOT.resolve("docker/app.Dockerfile"));
        Matcher line = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]\\s*$").matcher(dockerfile);
        if (!line.find()) {
            throw new IllegalStateException("docker/app.Dockerfile has no ENTRYPOINT [...]");
        }
        List<String> command = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(line.group(1));
        while (word.find()) {
            command.add(word.group(1));
        }
        if (!command.getFirst().equals("java") || !command.getLast().equals("/app/app.jar")) {
            throw new IllegalStateException("expected java … /app/app.jar, not " + command);
        }
        command.set(0, ProcessHandle.current().info().command().orElse("java"));
        command.set(
                command.size() - 1,
                ComposeFile.ROOT
                        .resolve(module)
                        .resolve("target")
                        .resolve(module + ".jar")
                        .toString());
        return command;
    }

    static JarApp start(String module, Map<String, String> environment, Path logs) {
        Path log = logs.resolve(module + ".log");
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(entrypoint(module))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Only what the image's environment would hold: nothing of the test JVM's own settings.
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new JarApp(module, process, Watchdog.guard(process.pid(), "KILL", module + ".jar"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    String module() {
        return module;
    }

    Process process() {
        return process;
    }

    /** Waits until {@code /actuator/health} answers 200; fails at once, with the log's end, if the app exits. */
    void awaitHealthy(int port, Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Awaitility.await(module + " healthy")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .failFast(module + " exited while starting", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** Waits for the process to end (it was expected to refuse to start) and gives its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(module + " still runs after " + timeout + "; its log ends:\n" + tail(40));
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.destroy();
        }
    }
}
