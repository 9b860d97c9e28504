// Starts the real engines a bench needs, on ports of the bench's choosing, and keeps them
// up until this program is stopped (SIGTERM/SIGINT), which stops both.
//   java -cp <cms-infra classes and dependencies> bench/common/BenchEngines.java <pg-port> <es-port> <data-dir> [es-heap]
// Uses cms-infra exactly as ./cms start does: PostgreSQL 18 (zonky, fsync on) and Elasticsearch 9.5.3
// (cms-search-node's child JVM), so the numbers are those of the dev stack's engines.

import java.nio.file.Path;
import java.time.Duration;
import news.cms.infra.postgres.DatabaseRoles;
import news.cms.infra.postgres.PostgresServer;
import news.cms.infra.search.SearchNode;
import news.cms.infra.search.SearchNodeOptions;

public class BenchEngines {

    public static void main(String[] args) throws Exception {
        int pgPort = Integer.parseInt(args[0]);
        int esPort = Integer.parseInt(args[1]);
        Path data = Path.of(args[2]).toAbsolutePath();
        PostgresServer postgres = PostgresServer.start(pgPort, data.resolve("postgres"), Duration.ofSeconds(90));
        // The roles' passwords come from bench/common/lib.sh's fresh secrets (ADR 0009).
        postgres.prepareDatabase(
                "cms", DatabaseRoles.of(System.getenv("SPRING_FLYWAY_PASSWORD"), System.getenv("SPRING_DATASOURCE_PASSWORD")));
        SearchNodeOptions options = SearchNodeOptions.persistent(esPort, data.resolve("elasticsearch"));
        if (args.length > 3) {
            options = options.withHeap(args[3]); // e.g. 1g for a corpus of 100,000 articles
        }
        SearchNode search = SearchNode.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            search.close();
            postgres.close();
        }));
        System.out.println("ENGINES READY " + postgres.jdbcUrl("cms") + " " + search.uri());
        System.out.flush();
        Thread.currentThread().join(); // until signalled; the shutdown hook stops the engines
    }
}
