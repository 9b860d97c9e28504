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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import news.cms.infra.InfrastructureException;
import news.cms.infra.process.Watchdog;

/** One of the three apps, run from its jar as its own JVM, as it is deployed. */
final class AppProcess {

    private static final String DEMO_SIGN_INS = "demo sign-in: ";
    static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    /** @param healthPort where the app answers {@code /actuator/health}: its own port or a management port */
    record Spec(String name, Path jar, int port, int healthPort, String hint, boolean loadsDemo) {

        static List<Spec> all(Path root) {
            return List.of(
                    new Spec("cms-editor-ui", jar(root, "cms-editor-ui"), 8080, 9080, "  (reporters, editors)", true),
                    new Spec(
                            "cms-public-api",
                            jar(root, "cms-public-api"),
                            8081,
                            9081,
                            "/v1/search?q=library  (partners, readers; API docs at /swagger-ui.html)",
                            false),
                    new Spec("cms-moderation", jar(root, "cms-moderation"), 8082, 9082, "  (moderators)", false));
        }

        private static Path jar(Path root, String module) {
            return root.resolve(module).resolve("target").resolve(module + ".jar");
        }
    }

    private final Spec spec;
    private final Process process;
    private final Process watchdog;
    private final Path log;

    private AppProcess(Spec spec, Process process, Process watchdog, Path log) {
        this.spec = spec;
        this.process = process;
        this.watchdog = watchdog;
        this.log = log;
    }

    /**
     * Starts the app from its jar with the demo jar on its class path: Spring Boot's PropertiesLauncher
     * (in every executable jar) takes {@code loader.path}, which {@code java -jar} cannot. Production
     * runs the same jar with {@code -jar}, without the demo jar.
     *
     * @param environment the secrets and role names (never on the command line, where ps shows them)
     */
    static AppProcess start(
            Spec spec, String jdbcUrl, URI searchUri, Path logs, Path demoJar, Map<String, String> environment) {
        Path log = logs.resolve(spec.name() + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dloader.path=" + demoJar,
                "-cp",
                spec.jar().toString(),
                PROPERTIES_LAUNCHER,
                "--server.port=" + spec.port(),
                "--spring.datasource.url=" + jdbcUrl,
                "--cms.search.uri=" + searchUri,
                // Pictures beside the database's data, one folder for all three apps (ADR 0021).
                "--cms.media.filesystem-root=" + logs.resolveSibling("media"),
                // Readable log lines for people at a terminal; production writes JSON (ADR 0017).
                "--logging.structured.format.console="));
        if (spec.loadsDemo()) {
            command.add("--cms.demo.enabled=true");
        }
        if (spec.name().equals("cms-public-api")) {
            // Readers' pages on any local origin may call the API from the browser (ADR 0016).
            command.add("--cms.public-api.cors.allowed-origins=*");
        }
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new AppProcess(
                    spec,
                    process,
                    Watchdog.guard(
                            process.pid(), "TERM", spec.jar().getFileName().toString()),
                    log);
        } catch (IOException e) {
            throw new InfrastructureException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    Spec spec() {
        return spec;
    }

    void awaitHealthy(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + spec.healthPort() + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new InfrastructureException(spec.name() + " exited with status " + process.exitValue()
                        + " while starting; its log (" + log + ") ends with:\n" + String.join("\n", logTail(25)));
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    DevStack.say(spec.name() + " is up on port " + spec.port());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("interrupted while waiting for " + spec.name());
            }
            sleep(Duration.ofMillis(500));
        }
        throw new InfrastructureException(
                spec.name() + " did not become healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    /** The demo sign-ins the app logged when it loaded demo content. */
    List<String> demoSignIns() {
        return readLog().stream()
                .filter(l -> l.contains(DEMO_SIGN_INS))
                .map(l -> l.substring(l.indexOf(DEMO_SIGN_INS) + DEMO_SIGN_INS.length()))
                .distinct()
                .toList();
    }

    List<String> logTail(int lines) {
        List<String> all = readLog();
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    private List<String> readLog() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        watchdog.destroy();
    }

    static AppProcess awaitAnyExit(List<AppProcess> apps) {
        List<AppProcess> watched = List.copyOf(apps);
        CompletableFuture<?>[] exits =
                watched.stream().map(a -> a.process.onExit()).toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(exits).join();
        return watched.stream().filter(a -> !a.process.isAlive()).findFirst().orElseThrow();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
