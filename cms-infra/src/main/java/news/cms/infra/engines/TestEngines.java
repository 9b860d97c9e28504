package news.cms.infra.engines;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import news.cms.infra.InfrastructureException;
import news.cms.infra.postgres.DatabaseRoles;
import news.cms.infra.postgres.PostgresServer;
import news.cms.infra.search.SearchNode;
import news.cms.infra.search.SearchNodeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of one test JVM, started on first use and stopped when the JVM ends. Where a Docker
 * engine answers, Testcontainers runs the pinned images; elsewhere PostgreSQL and Elasticsearch run
 * embedded. {@code -Dcms.engines=embedded|docker} (or CMS_ENGINES) forces one way.
 */
public final class TestEngines {

    private static final Logger log = LoggerFactory.getLogger(TestEngines.class);
    private static Engines shared;
    private static PostgresServer embeddedPostgres;
    private static SearchNode embeddedSearch;
    /** Stops the shared engines, once; a no-op until embedded ones are started. */
    private static volatile Runnable stop = () -> {};
    /** Set when a caller took over stopping them, so that the JVM shutdown hook leaves them alone. */
    private static final AtomicBoolean stopHandedOver = new AtomicBoolean();

    private static final Runnable STOP_SHARED = () -> stop.run();

    private TestEngines() {}

    public static synchronized Engines shared() {
        if (shared == null) {
            long start = System.nanoTime();
            shared = start();
            log.info(
                    "{} engines ready in {} ms: {} and {}",
                    shared.kind(),
                    (System.nanoTime() - start) / 1_000_000,
                    shared.jdbcUrl(),
                    shared.searchUri());
        }
        return shared;
    }

    private static Engines start() {
        String mode = System.getProperty("cms.engines", System.getenv().getOrDefault("CMS_ENGINES", "auto"))
                .toLowerCase(Locale.ROOT);
        boolean docker = switch (mode) {
            case "docker" -> true;
            case "embedded" -> false;
            case "auto" -> testcontainersPresent() && ContainerEngines.dockerAvailable();
            default ->
                throw new InfrastructureException("cms.engines must be auto, embedded or docker, not \"" + mode + "\"");
        };
        return docker ? ContainerEngines.start(EngineVersions.pinned()) : startEmbedded();
    }

    private static Engines startEmbedded() {
        var search = CompletableFuture.supplyAsync(() -> SearchNode.start(SearchNodeOptions.ephemeral()));
        PostgresServer postgres;
        DatabaseRoles roles = DatabaseRoles.withRandomPasswords();
        try {
            postgres = PostgresServer.start(0, null, Duration.ofSeconds(60));
            postgres.prepareDatabase("cms", roles);
        } catch (RuntimeException e) {
            search.thenAccept(SearchNode::close);
            throw e;
        }
        SearchNode node;
        try {
            node = search.join();
        } catch (CompletionException e) {
            postgres.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        embeddedPostgres = postgres;
        embeddedSearch = node;
        AtomicBoolean stopped = new AtomicBoolean();
        stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                node.close();
                postgres.close();
            }
        };
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (!stopHandedOver.get()) {
                                stop.run();
                            }
                        },
                        "cms-engines-stop"));
        return new Engines("embedded", postgres.jdbcUrl("cms"), roles, node.uri());
    }

    /**
     * The shared PostgreSQL when it runs embedded (not in Docker): for fault tests that freeze its
     * processes or restart it. Starts the engines if they are not running yet.
     */
    public static synchronized Optional<PostgresServer> embeddedPostgres() {
        shared();
        return Optional.ofNullable(embeddedPostgres);
    }

    /** The shared Elasticsearch child process when it runs embedded, for fault tests. */
    public static synchronized Optional<SearchNode> embeddedSearch() {
        shared();
        return Optional.ofNullable(embeddedSearch);
    }

    /**
     * Takes over stopping the shared engines from their JVM shutdown hook: the caller runs the action
     * once nothing uses them any more. Shutdown hooks run concurrently, so the hook alone could stop
     * PostgreSQL while Spring still closes the test contexts that talk to it (and waits out a
     * connection timeout); the test support hands the action to Spring Boot's shutdown handlers,
     * which run after every context is closed. Always the same action, and it stops them once.
     */
    public static Runnable handOverStop() {
        stopHandedOver.set(true);
        return STOP_SHARED;
    }

    private static boolean testcontainersPresent() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
