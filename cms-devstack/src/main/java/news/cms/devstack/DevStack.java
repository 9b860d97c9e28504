package news.cms.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.cms.infra.InfrastructureException;
import news.cms.infra.Ports;
import news.cms.infra.postgres.PostgresServer;
import news.cms.infra.search.SearchNode;
import news.cms.infra.search.SearchNodeOptions;

/**
 * One command for the whole CMS on a machine without Docker: PostgreSQL and Elasticsearch embedded
 * (data kept under {@code .cms-data/}), the three apps as separate JVMs with the cms-demo jar on their
 * class path and secrets of the stack's own, demo content, and one Ctrl-C to stop all of it.
 */
public final class DevStack {

    static final int POSTGRES_PORT = 15432;
    static final int SEARCH_PORT = 9200;

    private final Path root;
    private final Path data;
    private final List<AppProcess> apps = new ArrayList<>();
    private PostgresServer postgres;
    private SearchNode search;
    /** Set when the stack is being stopped (Ctrl-C), so an app ending is not taken for a crash. */
    private volatile boolean stopping;

    private DevStack(Path root) {
        this.root = root;
        this.data = root.resolve(".cms-data");
    }

    public static void main(String[] args) {
        Path root =
                Path.of(System.getProperty("cms.root", ".")).toAbsolutePath().normalize();
        DevStack stack = new DevStack(root);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "cms-devstack-stop"));
        try {
            stack.start();
        } catch (InfrastructureException e) {
            System.err.println();
            System.err.println("The CMS did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.awaitExit();
    }

    private void start() {
        long begin = System.nanoTime();
        List<AppProcess.Spec> specs = AppProcess.Spec.all(root);
        Path demoJar = root.resolve("cms-demo/target/cms-demo.jar");
        if (!Files.isRegularFile(demoJar)) {
            throw new InfrastructureException(demoJar + " is missing: build first (./cms start builds it)");
        }
        for (AppProcess.Spec spec : specs) {
            if (!Files.isRegularFile(spec.jar())) {
                throw new InfrastructureException(spec.jar() + " is missing: build first (./cms start builds it)");
            }
            Ports.requireFree(spec.port(), spec.name());
        }
        Ports.requireFree(POSTGRES_PORT, "PostgreSQL");
        Ports.requireFree(SEARCH_PORT, "Elasticsearch");
        createDirectories(data.resolve("logs"));

        say("starting PostgreSQL and Elasticsearch (data in " + root.relativize(data) + "/) ...");
        DevSecrets secrets = DevSecrets.loadOrCreate(data.resolve("secrets.properties"));
        postgres = PostgresServer.start(POSTGRES_PORT, data.resolve("postgres"), Duration.ofSeconds(90));
        postgres.prepareDatabase("cms", secrets.roles());
        search = SearchNode.start(SearchNodeOptions.persistent(SEARCH_PORT, data.resolve("elasticsearch")));

        say("starting the three apps (logs in " + root.relativize(data.resolve("logs")) + "/) ...");
        for (AppProcess.Spec spec : specs) {
            apps.add(AppProcess.start(
                    spec, postgres.jdbcUrl("cms"), search.uri(), data.resolve("logs"), demoJar, secrets.environment()));
        }
        for (AppProcess app : apps) {
            app.awaitHealthy(Duration.ofMinutes(3));
        }
        long seconds = Duration.ofNanos(System.nanoTime() - begin).toSeconds();
        printWelcome(seconds);
    }

    private void printWelcome(long seconds) {
        String line = "-".repeat(72);
        System.out.println();
        System.out.println(line);
        System.out.println(" Newsroom CMS is running (started in " + seconds + " s). Ctrl-C stops everything.");
        System.out.println(line);
        for (AppProcess app : apps) {
            System.out.printf(
                    " %-16s http://localhost:%d%s%n",
                    app.spec().name(), app.spec().port(), app.spec().hint());
        }
        System.out.printf(
                " %-16s %s (database cms; the apps' role cms_app, the owner cms_owner; passwords in %s)%n",
                "PostgreSQL", postgres.jdbcUrl("cms"), root.relativize(data.resolve("secrets.properties")));
        System.out.printf(" %-16s %s%n", "Elasticsearch", search.uri());
        System.out.println();
        System.out.println(" Sign in with (demo accounts, dev stack only):");
        apps.stream()
                .filter(a -> a.spec().loadsDemo())
                .findFirst()
                .map(AppProcess::demoSignIns)
                .orElse(List.of())
                .forEach(s -> System.out.println("   " + s));
        System.out.println(line);
    }

    private void awaitExit() {
        AppProcess ended = AppProcess.awaitAnyExit(apps);
        if (stopping) {
            return; // Ctrl-C: the shutdown hook is stopping everything, this app first
        }
        System.err.println(ended.spec().name() + " stopped unexpectedly; last lines of its log:");
        ended.logTail(30).forEach(System.err::println);
        System.exit(1);
    }

    private synchronized void stop() {
        stopping = true;
        for (AppProcess app : apps.reversed()) {
            app.stop();
        }
        apps.clear();
        if (search != null) {
            search.close();
            search = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InfrastructureException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    static void say(String message) {
        System.out.println("[cms] " + message);
    }
}
