package news.cms.core.availability;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The engines' breakers, and what tells an engine's failure from anything else: the apps map what
 * {@link #of} recognises to 503 with {@code Retry-After}, or to a notice in the UI language.
 */
@Component
public class Outages {

    private final CircuitBreaker database;
    private final CircuitBreaker search;

    // The system clock, not the app's: tests that fix the app's clock must not freeze the breakers too.
    public Outages(FailFastProperties properties) {
        Clock clock = Clock.systemUTC();
        this.database = new CircuitBreaker(
                "database",
                properties.database().failures(),
                properties.database().openFor(),
                clock);
        this.search = new CircuitBreaker(
                "search", properties.search().failures(), properties.search().openFor(), clock);
    }

    public CircuitBreaker database() {
        return database;
    }

    public CircuitBreaker search() {
        return search;
    }

    /**
     * The outage behind a failure, if an engine's unavailability caused it: our own {@link
     * DependencyUnavailable}, or the database's connection failures and timeouts anywhere in the
     * chain of causes (Spring's translations, Hikari's and the driver's exceptions).
     */
    public Optional<Outage> of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DependencyUnavailable u) {
                return Optional.of(new Outage(u.dependency(), u.retryAfter()));
            }
            // A statement that failed for want of the server makes its rollback fail too: Spring then
            // throws the rollback's failure and keeps the statement's as the "application exception".
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null) {
                Optional<Outage> original = of(tx.getApplicationException());
                if (original.isPresent()) {
                    return original;
                }
            }
            // A commit that failed for want of the server is followed by a rollback on the connection
            // the pool has closed meanwhile; Spring throws that rollback's failure, with no application
            // exception, and the pool's closed stand-in gives no SQLSTATE ("Connection is closed").
            if (t instanceof TransactionSystemException
                    && t.getCause() instanceof java.sql.SQLException sql
                    && sql.getSQLState() == null) {
                return Optional.of(new Outage(Dependency.DATABASE, database.retryAfter()));
            }
            if (isDatabaseFailure(t)) {
                return Optional.of(new Outage(Dependency.DATABASE, database.retryAfter()));
            }
        }
        return Optional.empty();
    }

    private static boolean isDatabaseFailure(Throwable t) {
        return t instanceof CannotCreateTransactionException // no connection to begin a transaction on
                || t instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof QueryTimeoutException // statement_timeout, or the driver's own
                || t instanceof SQLTransientConnectionException // Hikari's connection timeout, our breaker
                || t instanceof SQLNonTransientConnectionException // connection refused or lost
                || t instanceof SQLRecoverableException
                || t instanceof SQLTimeoutException
                || (t instanceof java.sql.SQLException sql && isConnectionState(sql.getSQLState()));
    }

    /** SQLSTATE class 08 (connection exception), 57P01–03 (shut down, crashed, cannot connect now). */
    private static boolean isConnectionState(String state) {
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03")
                        || state.equals("57014")); // query_canceled: statement_timeout
    }
}
