package news.cms.core.availability.internal;

import java.sql.SQLTransientConnectionException;

/**
 * Tells a connection the pool could not lend because every one was in use (a burst: the database
 * answers, it is only busy) from one it could not lend because the database failed (refused,
 * frozen, gone). Only the second counts against the database's breaker; both still fail the
 * request that waited, which the apps answer with 503.
 */
final class BorrowFailures {

    private BorrowFailures() {}

    /**
     * Whether a failed borrow only waited out the pool's connection timeout behind connections in
     * use. Hikari's timeout carries as its cause the last failure to connect or to validate a
     * connection since the last connection it opened; with none, nothing failed, the pool simply
     * had nothing free. It must also hold all its connections: one that is short of them is
     * opening new ones, and may be failing to before its first attempt has reported (a frozen
     * server). The count of connections in use is no guide: in a burst each returned connection is
     * idle for an instant before a waiter takes it, so "all in use" misses often.
     *
     * @param failure what the borrow threw
     * @param connections the connections the pool holds now, in use or idle
     * @param maximum the pool's maximum size
     */
    static boolean poolBusy(Throwable failure, int connections, int maximum) {
        return failure instanceof SQLTransientConnectionException timeout
                && timeout.getCause() == null
                && timeout.getSQLState() == null
                && connections >= maximum;
    }
}
