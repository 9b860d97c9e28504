package news.cms.core.availability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What counts against the database's breaker when borrowing fails, on the exceptions a real Hikari
 * pool throws: waiting out the timeout behind connections in use is the pool being busy; a server
 * that refuses connections is the database failing.
 */
class BorrowFailuresTest {

    @Test
    void aTimeoutBehindConnectionsAllInUseIsThePoolBeingBusy() throws Exception {
        try (HikariDataSource pool = pool(new AnsweringDatabase(), 2)) {
            try (Connection first = pool.getConnection();
                    Connection second = pool.getConnection()) {
                Throwable waited = catchThrowable(pool::getConnection);

                assertThat(waited)
                        .isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageContaining("request timed out");
                assertThat(BorrowFailures.poolBusy(
                                waited, pool.getHikariPoolMXBean().getTotalConnections(), 2))
                        .isTrue();
            }
        }
    }

    @Test
    void aServerThatRefusesConnectionsIsTheDatabaseFailing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HikariConfig config = config(2);
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/cms");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Throwable refused = catchThrowable(pool::getConnection);

            assertThat(refused).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(refused.getCause()).as("the refusal, kept by the pool").isNotNull();
            assertThat(BorrowFailures.poolBusy(
                            refused, pool.getHikariPoolMXBean().getTotalConnections(), 2))
                    .isFalse();
        }
    }

    @Test
    void aTimeoutIsBusyEvenWhenAReturnedConnectionIsIdleForAnInstant() {
        // In a burst a connection given back sits idle until the next waiter takes it: the pool
        // still holds all ten, nine in use; the wait that timed out meanwhile is no failure.
        var timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms"
                        + " (total=10, active=9, idle=1, waiting=480)");
        assertThat(BorrowFailures.poolBusy(timeout, 10, 10)).isTrue();
    }

    @Test
    void aTimeoutWhileThePoolIsShortOfConnectionsIsTheDatabaseFailing() {
        // The frozen server's dead connections were dropped and new ones do not come: a wait that
        // times out before the first attempt has failed still counts.
        var timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms"
                        + " (total=3, active=3, idle=0, waiting=12)");
        assertThat(BorrowFailures.poolBusy(timeout, 3, 10)).isFalse();
    }

    @Test
    void aTimeoutThatCarriesAFailureToConnectIsTheDatabaseFailing() {
        var cause = new SQLTransientConnectionException("Connection attempt timed out.", "08001");
        var timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms", "08001", cause);
        assertThat(BorrowFailures.poolBusy(timeout, 10, 10)).isFalse();
    }

    @Test
    void otherFailuresToBorrowAreTheDatabaseFailing() {
        assertThat(BorrowFailures.poolBusy(new SQLNonTransientConnectionException("refused", "08001"), 10, 10))
                .isFalse();
        assertThat(BorrowFailures.poolBusy(new SQLException("the server shut down", "57P01"), 10, 10))
                .isFalse();
        assertThat(BorrowFailures.poolBusy(new IllegalStateException("pool closed"), 10, 10))
                .isFalse();
    }

    private static HikariDataSource pool(DataSource database, int size) {
        HikariConfig config = config(size);
        config.setDataSource(database);
        return new HikariDataSource(config);
    }

    private static HikariConfig config(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("borrow-failures-test");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(250);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        return config;
    }

    /** A database that always answers: connections that are valid and do nothing. */
    private static final class AnsweringDatabase implements DataSource {

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "isValid", "getAutoCommit" -> true;
                        case "isReadOnly", "isClosed", "isWrapperFor" -> false;
                        case "getNetworkTimeout" -> 0;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "answering connection";
                        default -> null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
