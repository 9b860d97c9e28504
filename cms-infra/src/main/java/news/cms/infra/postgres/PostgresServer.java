package news.cms.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import news.cms.infra.InfrastructureException;
import news.cms.infra.Ports;
import news.cms.infra.process.Watchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 18 server from zonky's embedded binaries, with a watchdog that stops it if the
 * JVM that started it dies without running its shutdown hooks (kill -9, crash).
 */
public final class PostgresServer implements AutoCloseable {

    /** The PostgreSQL major version of the embedded binaries; Testcontainers and docker/ pin the same. */
    public static final String MAJOR_VERSION = "18";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final EmbeddedPostgres postgres;
    /** Guards the current postmaster; replaced when the server is restarted. */
    private volatile Process watchdog;

    private final Path dataDirectory;
    private final boolean temporary;

    private PostgresServer(EmbeddedPostgres postgres, Process watchdog, Path dataDirectory, boolean temporary) {
        this.postgres = postgres;
        this.watchdog = watchdog;
        this.dataDirectory = dataDirectory;
        this.temporary = temporary;
    }

    /**
     * Starts a server.
     *
     * @param port the port, or 0 for any free one
     * @param dataDirectory where the data lives between runs, or {@code null} for a temporary folder
     *     that is deleted on close
     * @param startTimeout how long the server may take to accept connections
     */
    public static PostgresServer start(int port, Path dataDirectory, Duration startTimeout) {
        if (port != 0) {
            Ports.requireFree(port, "PostgreSQL");
        }
        boolean temporary = dataDirectory == null;
        Path data;
        try {
            data = temporary ? Files.createTempDirectory("cms-postgres-") : dataDirectory.toAbsolutePath();
            if (!temporary) {
                Files.createDirectories(data);
                checkExistingDataDirectory(data);
            }
        } catch (IOException e) {
            throw new InfrastructureException("cannot prepare the PostgreSQL data folder: " + e.getMessage(), e);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(temporary)
                    .setPGStartupWait(startTimeout)
                    .setRegisterShutdownHook(false) // the owner stops it, after whatever still uses it
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", temporary ? "off" : "on")
                    .setServerConfig("synchronous_commit", temporary ? "off" : "on")
                    .setServerConfig("full_page_writes", temporary ? "off" : "on")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new InfrastructureException(
                    "PostgreSQL did not start (data folder " + data + "): " + rootMessage(e)
                            + ". If the folder is stale or from another version, reset it (./cms reset).",
                    e);
        }
        long postmaster = readPid(data.resolve("postmaster.pid"))
                .orElseThrow(
                        () -> new InfrastructureException("PostgreSQL started but wrote no postmaster.pid in " + data));
        Process watchdog = Watchdog.guard(postmaster, "TERM", "postgres");
        log.info("PostgreSQL {} ready on port {} (data {})", MAJOR_VERSION, postgres.getPort(), data);
        return new PostgresServer(postgres, watchdog, data, temporary);
    }

    public int port() {
        return postgres.getPort();
    }

    /** The database's URL, naming no user: each role brings its own (zonky's URL carries the superuser). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    /** The superuser, for setting the database up; the apps use the roles of {@link #prepareDatabase}. */
    public String username() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    /**
     * Creates the database if it does not exist yet and makes (or updates) its owner and app roles, so
     * that migrations run as the owner and the apps as the least-privilege role (ADR 0009).
     */
    public void prepareDatabase(String name, DatabaseRoles roles) {
        createDatabase(name);
        try (Connection c = postgres.getDatabase(username(), name).getConnection()) {
            roles.apply(c);
        } catch (SQLException e) {
            throw new InfrastructureException("cannot set up the roles of database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new InfrastructureException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's process id; a restart changes it. Its children are the server's other processes. */
    public long pid() {
        return readPid(dataDirectory.resolve("postmaster.pid"))
                .orElseThrow(() -> new InfrastructureException("PostgreSQL is not running on " + dataDirectory));
    }

    /**
     * Stops the server as a crash would ({@code pg_ctl -m immediate}: no checkpoint, every client cut
     * off) and starts it again on the same port and data, recovering from its WAL; for fault tests.
     */
    public void restartAfterCrash(Duration timeout) {
        long old = pid();
        Path pgCtl = ProcessHandle.of(old)
                .flatMap(p -> p.info().command())
                .map(cmd -> Path.of(cmd).resolveSibling("pg_ctl"))
                .orElseThrow(
                        () -> new InfrastructureException("cannot find the pg_ctl of PostgreSQL (pid " + old + ")"));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // As zonky starts it: pg_ctl refuses root, so it runs in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                dataDirectory.toString(),
                "-m",
                "immediate",
                "-w",
                "-t",
                Long.toString(Math.max(1, timeout.toSeconds())),
                "restart"));
        try {
            Process restart = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!restart.waitFor(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS) || restart.exitValue() != 0) {
                restart.destroyForcibly();
                throw new InfrastructureException("PostgreSQL did not restart on " + dataDirectory);
            }
        } catch (IOException e) {
            throw new InfrastructureException("cannot restart PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while restarting PostgreSQL", e);
        }
        watchdog.destroy();
        watchdog = Watchdog.guard(pid(), "TERM", "postgres");
        log.info("PostgreSQL restarted after a simulated crash (pid {} → {})", old, pid());
    }

    @Override
    public void close() {
        watchdog.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("PostgreSQL stopped{}", temporary ? " and its temporary data removed" : "");
    }

    /** Fails with a clear message when another server still runs on a kept data folder. */
    private static void checkExistingDataDirectory(Path data) throws IOException {
        Path version = data.resolve("PG_VERSION");
        if (Files.exists(version)) {
            String found = Files.readString(version).trim();
            if (!MAJOR_VERSION.equals(found)) {
                throw new InfrastructureException("the PostgreSQL data folder " + data + " was made by PostgreSQL "
                        + found + ", not " + MAJOR_VERSION + ": reset it (./cms reset)");
            }
        }
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            Optional<Long> pid = readPid(pidFile);
            if (pid.isPresent() && isPostgres(pid.get())) {
                throw new InfrastructureException("a PostgreSQL server (pid " + pid.get()
                        + ") is still running on the data folder " + data
                        + ": stop it first (kill " + pid.get() + ")");
            }
            log.warn("removing the stale lock {} left by a PostgreSQL that is no longer running", pidFile);
            Files.delete(pidFile);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().command())
                .map(cmd -> cmd.contains("postgres"))
                .orElse(false);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
