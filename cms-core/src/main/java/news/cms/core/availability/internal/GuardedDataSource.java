package news.cms.core.availability.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import news.cms.core.availability.CircuitBreaker;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool behind the database's breaker: while it is open, asking for a connection
 * fails at once instead of waiting out the pool's connection timeout. Only borrowing counts: a
 * frozen or stopped server makes the pool's validation and connection attempts time out, so the
 * failures show here; statements on a connection already borrowed are bounded by the server's
 * statement timeout and by a read timeout set here: what is left of the read budget after the
 * borrow, so that a request whose server froze between borrow and answer still fails within ~2 s
 * (the driver's own {@code socketTimeout} takes whole seconds only). A pool whose connections are
 * all in use is busy, not failing: a borrow that times out then does not count against the
 * database ({@link BorrowFailures}).
 */
final class GuardedDataSource extends DelegatingDataSource {

    /** The shortest read timeout a connection gets, however long its borrow took. */
    private static final int LEAST_READ_MILLIS = 100;

    private final CircuitBreaker breaker;
    private final long readBudgetNanos;

    GuardedDataSource(DataSource pool, CircuitBreaker breaker, Duration readBudget) {
        super(pool);
        this.breaker = breaker;
        this.readBudgetNanos = readBudget.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!breaker.allows()) {
            throw refused();
        }
        long start = System.nanoTime();
        try {
            Connection connection = super.getConnection();
            breaker.succeeded();
            return withReadTimeout(connection, start);
        } catch (SQLException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (!breaker.allows()) {
            throw refused();
        }
        long start = System.nanoTime();
        try {
            Connection connection = super.getConnection(username, password);
            breaker.succeeded();
            return withReadTimeout(connection, start);
        } catch (SQLException | RuntimeException e) {
            failed(e);
            throw e;
        }
    }

    /**
     * The connection's read timeout: the budget less the borrow. Hikari sets the pool's own
     * ({@code socketTimeout}) back when the connection is returned. Setting it is a field write in
     * the JDK's socket, no system call. The driver ignores the executor.
     */
    private Connection withReadTimeout(Connection connection, long borrowStart) throws SQLException {
        long left = readBudgetNanos - (System.nanoTime() - borrowStart);
        int millis = (int) Math.max(LEAST_READ_MILLIS, left / 1_000_000);
        try {
            connection.setNetworkTimeout(Runnable::run, millis);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void failed(Exception e) {
        if (!(obtainTargetDataSource() instanceof HikariDataSource pool && busy(pool, e))) {
            breaker.failed();
        }
    }

    private static boolean busy(HikariDataSource pool, Exception e) {
        HikariPoolMXBean stats = pool.getHikariPoolMXBean();
        return stats != null && BorrowFailures.poolBusy(e, stats.getTotalConnections(), pool.getMaximumPoolSize());
    }

    private SQLTransientConnectionException refused() {
        // SQLSTATE 08001: a connection could not be made; Spring and Outages read it as the database's.
        return new SQLTransientConnectionException(
                "the database failed repeatedly: its breaker refuses connections for "
                        + breaker.retryAfter().toMillis() + " ms more",
                "08001");
    }

    /**
     * Unwrapping to a {@link DataSource} gives the pool itself: Spring Boot derives Flyway's data
     * source from it (its URL and driver), and the pool's metrics read it.
     */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        DataSource pool = obtainTargetDataSource();
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        DataSource pool = obtainTargetDataSource();
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
