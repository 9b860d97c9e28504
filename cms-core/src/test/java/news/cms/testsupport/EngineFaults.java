package news.cms.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import news.cms.infra.engines.TestEngines;
import news.cms.infra.postgres.PostgresServer;
import news.cms.infra.search.SearchNode;

/**
 * Faults of the shared embedded engines, for tests of how the apps behave under them: a freeze
 * (SIGSTOP to the engine's processes, as a stalled disk or a paused VM would do) that {@link
 * Frozen#close()} ends with SIGCONT, and a crash and restart of PostgreSQL. A test that uses them is
 * skipped where the engines run in Docker. Always end a freeze in {@code finally} (or
 * try-with-resources): other test classes share the engines.
 */
public final class EngineFaults {

    private EngineFaults() {}

    /** A freeze in force until closed. */
    public interface Frozen extends AutoCloseable {
        @Override
        void close();
    }

    /** Freezes every process of the shared PostgreSQL: the postmaster and each backend. */
    public static Frozen freezeDatabase() {
        PostgresServer postgres = embeddedPostgres();
        return freeze(postgres.pid());
    }

    /** Freezes the shared Elasticsearch node (its JVM and any child of it). */
    public static Frozen freezeSearch() {
        Optional<SearchNode> node = TestEngines.embeddedSearch();
        assumeTrue(node.isPresent(), "search faults need the embedded search engine");
        return freeze(node.get().pid());
    }

    /** Crashes the shared PostgreSQL (immediate stop) and starts it again on the same port and data. */
    public static void restartDatabase() {
        embeddedPostgres().restartAfterCrash(Duration.ofSeconds(60));
    }

    private static PostgresServer embeddedPostgres() {
        Optional<PostgresServer> postgres = TestEngines.embeddedPostgres();
        assumeTrue(postgres.isPresent(), "database faults need the embedded PostgreSQL");
        return postgres.get();
    }

    private static Frozen freeze(long root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root);
        ProcessHandle.of(root).stream()
                .flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid)
                .forEach(pids::add);
        signal("STOP", pids);
        return () -> {
            // Whatever the parent forked meanwhile (none can run while it is stopped) is resumed too.
            List<Long> all = new ArrayList<>(pids);
            ProcessHandle.of(root).stream()
                    .flatMap(ProcessHandle::descendants)
                    .map(ProcessHandle::pid)
                    .filter(pid -> !all.contains(pid))
                    .forEach(all::add);
            signal("CONT", all);
        };
    }

    private static void signal(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.stream().map(String::valueOf).forEach(command::add);
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pids + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + signal + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal, e);
        }
    }
}
