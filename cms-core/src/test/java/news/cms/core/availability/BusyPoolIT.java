package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The connection pool emptied by queries that are slow but healthy is busy, not failing: the
 * requests that waited out the pool's 1 s get their 503, but the database's breaker stays closed,
 * so the first request after the burst is served at once instead of being refused for 2 s. A
 * frozen server still opens the breaker within a few borrows.
 */
@CmsIntegrationTest
class BusyPoolIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    Outages outages;

    @Test
    void longQueriesHoldingEveryConnectionDoNotOpenTheBreaker() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        int size = pool.getMaximumPoolSize();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Every connection busy for 1.2 s (under the 1.5 s statement timeout): a healthy database.
            // The app may hold one of them itself (change notices), so a holder may be left waiting.
            List<Future<?>> holders = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                holders.add(threads.submit(() -> failureOf(() -> query("SELECT pg_sleep(1.2)"))));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.getActiveConnections() == size);

            // More waiters than the breaker's threshold, each giving up after the pool's 1 s.
            List<Future<Throwable>> waiters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waiters.add(threads.submit(() -> failureOf(() -> query("SELECT 1"))));
            }
            for (Future<Throwable> waiter : waiters) {
                Throwable failure = waiter.get();
                assertThat(failure).isInstanceOf(SQLTransientConnectionException.class);
                // That request still answers 503 with Retry-After: it could not be served in time.
                assertThat(outages.of(failure))
                        .hasValueSatisfying(o -> assertThat(o.dependency()).isEqualTo(Dependency.DATABASE));
            }
            assertThat(outages.database().state()).isEqualTo(CircuitBreaker.State.CLOSED);
            for (Future<?> holder : holders) {
                holder.get();
            }
        }

        // The next request after the burst is served at once.
        long start = System.nanoTime();
        query("SELECT 1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(outages.database().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aBurstOfShortQueriesThatOutlastsThePoolDoesNotOpenTheBreaker() throws Exception {
        // As a commit of hundreds of stories once started its listeners: 600 short queries at once
        // on 10 connections, about 1.8 s of work, so the last in line wait out the pool's 1 s while
        // connections change hands all the time (each one idle for an instant between two users).
        AtomicInteger timedOut = new AtomicInteger();
        Set<CircuitBreaker.State> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean burst = new AtomicBoolean(true);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> watcher = threads.submit(() -> {
                while (burst.get()) {
                    seen.add(outages.database().state());
                    LockSupport.parkNanos(1_000_000);
                }
            });
            List<Future<?>> queries = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                queries.add(threads.submit(() -> {
                    if (failureOf(() -> query("SELECT pg_sleep(0.03)")) instanceof SQLTransientConnectionException) {
                        timedOut.incrementAndGet();
                    }
                }));
            }
            for (Future<?> query : queries) {
                query.get();
            }
            burst.set(false);
            watcher.get();
        }

        assertThat(timedOut.get()).as("requests that waited out the pool").isPositive();
        assertThat(seen).as("the breaker during the burst").containsOnly(CircuitBreaker.State.CLOSED);
        long start = System.nanoTime();
        query("SELECT 1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aFrozenDatabaseStillOpensTheBreakerWithinAFewBorrows() {
        try (var frozen = EngineFaults.freezeDatabase()) {
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        failureOf(() -> query("SELECT 1"));
                        return outages.database().state() == CircuitBreaker.State.OPEN;
                    });
            // Now refused at once, without waiting for the pool.
            long start = System.nanoTime();
            assertThat(failureOf(() -> query("SELECT 1"))).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        }
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> failureOf(() -> query("SELECT 1")) == null
                        && outages.database().state() == CircuitBreaker.State.CLOSED);
    }

    private Void query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return null;
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Exception;
    }

    private static Throwable failureOf(Call call) {
        try {
            call.call();
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
