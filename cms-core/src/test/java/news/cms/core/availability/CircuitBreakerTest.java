package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final HandClock clock = new HandClock();
    final CircuitBreaker breaker = new CircuitBreaker("database", 3, Duration.ofSeconds(2), clock);

    @Test
    void opensAfterTheThresholdOfFailuresInARowOnly() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded(); // a success in between starts the count again
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);

        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofMillis(1500));
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void afterTheWindowOneProbePassesAndItsSuccessCloses() {
        open();
        clock.advance(Duration.ofSeconds(2));
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.PROBING);
        assertThat(breaker.allows()).as("a second caller while the probe runs").isFalse();

        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void aSuccessOfACallLetThroughBeforeTheBreakerOpenedLeavesItOpen() {
        assertThat(breaker.allows()).as("a call let through while closed").isTrue();
        open(); // meanwhile the others fail
        breaker.succeeded(); // the first call's pooled connection answered late
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allows()).isFalse();

        breaker.close();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allows()).isTrue();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.state()).as("the count starts again").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedProbeOpensAgainAtOnce() {
        open();
        clock.advance(Duration.ofSeconds(2));
        assertThat(breaker.allows()).isTrue();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allows()).isFalse();
        clock.advance(Duration.ofMillis(1999));
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void aProbeThatNeverReportsGivesWayToAnotherAfterAWindow() {
        open();
        clock.advance(Duration.ofSeconds(2));
        assertThat(breaker.allows()).isTrue(); // and never reports
        clock.advance(Duration.ofMillis(1999));
        assertThat(breaker.allows()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void closedRetryAfterIsTheWholeWindow() {
        assertThat(breaker.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(new Outage(Dependency.DATABASE, Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new Outage(Dependency.DATABASE, Duration.ofMillis(2001)).retryAfterSeconds())
                .isEqualTo(3);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new CircuitBreaker("x", 0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker("x", 1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void open() {
        breaker.failed();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.allows()).isFalse();
    }
}
