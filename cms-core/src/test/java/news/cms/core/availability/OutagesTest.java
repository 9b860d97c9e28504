package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import news.cms.core.search.SearchUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class OutagesTest {

    final Outages outages = new Outages(new FailFastProperties(
            new FailFastProperties.Breaker(3, Duration.ofSeconds(2)),
            new FailFastProperties.Breaker(3, Duration.ofSeconds(4))));

    @Test
    void theDatabasesConnectionFailuresAndTimeoutsAreOutagesWhereverTheyAreInTheChain() {
        var noConnection = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThat(outages.of(new CannotCreateTransactionException("Could not open JDBC Connection", noConnection)))
                .contains(new Outage(Dependency.DATABASE, Duration.ofSeconds(2)));
        assertThat(outages.of(new CannotGetJdbcConnectionException("no connection", noConnection)))
                .map(Outage::dependency)
                .contains(Dependency.DATABASE);
        assertThat(outages.of(new QueryTimeoutException("canceling statement due to statement timeout")))
                .isPresent();
        assertThat(outages.of(
                        new UncategorizedSQLException("read", "select 1", new SQLException("I/O error", "08006"))))
                .isPresent();
        assertThat(outages.of(new IllegalStateException("wrapped", new SQLException("shutting down", "57P01"))))
                .isPresent();
    }

    @Test
    void aRollbackThatFailedAfterTheServerStoppedAnsweringIsAnOutage() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
        rollback.initApplicationException(new QueryTimeoutException("socket timeout"));
        assertThat(outages.of(rollback)).map(Outage::dependency).contains(Dependency.DATABASE);
        assertThat(outages.of(new TransactionSystemException("commit failed"))).isEmpty();
    }

    @Test
    void aCommitLostWithTheServerAndItsRollbackOnTheClosedConnectionIsAnOutage() {
        // Spring throws the rollback's failure and logs the commit's; the pool has closed the broken
        // connection by then, and its closed stand-in says so without an SQLSTATE (fault suite, db-restart).
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(outages.of(rollback)).map(Outage::dependency).contains(Dependency.DATABASE);
        // A rollback the server refused for a reason it named is not an outage.
        assertThat(outages.of(new TransactionSystemException(
                        "JDBC rollback failed", new SQLException("internal error", "XX000"))))
                .isEmpty();
    }

    @Test
    void theSearchEnginesOutageCarriesItsOwnWait() {
        assertThat(outages.of(new SearchUnavailable("frozen", Duration.ofMillis(1500), null)))
                .contains(new Outage(Dependency.SEARCH, Duration.ofMillis(1500)));
    }

    @Test
    void bugsAndRefusalsAreNotOutages() {
        assertThat(outages.of(new IllegalStateException("our bug"))).isEmpty();
        assertThat(outages.of(new DuplicateKeyException("twice"))).isEmpty();
        assertThat(outages.of(new DataIntegrityViolationException("violates", new SQLException("x", "23505"))))
                .isEmpty();
    }

    @Test
    void anOpenBreakerTellsHowLongIsLeft() {
        for (int i = 0; i < 3; i++) {
            outages.database().failed();
        }
        Duration left = outages.of(new QueryTimeoutException("t")).orElseThrow().retryAfter();
        assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
    }
}
