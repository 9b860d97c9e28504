package news.cms.core.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails calls to an engine fast once it failed {@code threshold} times in a row: for {@code
 * openFor}, every call is refused at once instead of waiting out its own timeout; then a single
 * call is let through as a probe, and its outcome closes the breaker or opens it again (a probe
 * that never reports back gives way to another after the same window). Small on
 * purpose: one counter, one deadline, one probe (ADR 0013).
 */
public final class CircuitBreaker {

    /** Closed: calls pass. Open: calls are refused. Probing: one call passes, the others are refused. */
    public enum State {
        CLOSED,
        OPEN,
        PROBING
    }

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    // Volatile so that the common case, closed and healthy, takes no lock.
    private volatile State state = State.CLOSED;
    private volatile int failures;
    private Instant openUntil = Instant.MIN;

    public CircuitBreaker(String name, int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("a breaker opens after at least one failure, not " + threshold);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("a breaker stays open for a positive time, not " + openFor);
        }
        this.name = name;
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /**
     * Whether a call may go to the engine now. A caller that got {@code true} reports its outcome
     * with {@link #succeeded()} or {@link #failed()}.
     */
    public boolean allows() {
        return state == State.CLOSED || allowsWhileOpen();
    }

    private synchronized boolean allowsWhileOpen() {
        if (state == State.CLOSED) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(openUntil)) {
            return false;
        }
        // A probe that never reported back (its caller died) gives way to another after a window.
        state = State.PROBING;
        openUntil = now.plus(openFor);
        return true;
    }

    /**
     * A call let through answered. While the breaker is open no call is let through, so a success
     * seen then is from a call let through before it opened (a connection borrowed from the pool
     * just before the freeze): it says nothing about the engine now and leaves the breaker open.
     * Only the probe's success closes an open breaker.
     */
    public void succeeded() {
        if (state == State.CLOSED && failures == 0) {
            return;
        }
        synchronized (this) {
            if (state == State.OPEN) {
                return;
            }
            if (state == State.PROBING) {
                log.warn("{} answers again: its breaker is closed", name);
            }
            failures = 0;
            state = State.CLOSED;
        }
    }

    /** Closes the breaker at once, as someone who knows the engine is back would (tests ending an outage they staged). */
    public synchronized void close() {
        failures = 0;
        state = State.CLOSED;
        openUntil = Instant.MIN;
    }

    public synchronized void failed() {
        failures++;
        if (state == State.PROBING || failures >= threshold) {
            if (state == State.CLOSED) {
                log.warn("{} failed {} times in a row: its breaker refuses calls for {}", name, failures, openFor);
            }
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
        }
    }

    public State state() {
        return state;
    }

    /**
     * How long a client had better wait before asking again: what is left of the open window, else
     * the whole window (the engine just failed, and the breaker may open any moment).
     */
    public synchronized Duration retryAfter() {
        Duration left = Duration.between(clock.instant(), openUntil);
        return state == State.OPEN && left.isPositive() ? left : openFor;
    }

    public String name() {
        return name;
    }

    @Override
    public synchronized String toString() {
        return "CircuitBreaker[" + name + ", " + state + ", " + failures + " failures]";
    }
}
