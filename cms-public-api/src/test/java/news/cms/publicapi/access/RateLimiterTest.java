package news.cms.publicapi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final RateLimiter limiter = new RateLimiter(clock::get);

    @Test
    void aMinutesQuotaMayBeSpentAtOnceThenRequestsPassAtTheSteadyRate() {
        for (int remaining = 59; remaining >= 0; remaining--) {
            RateLimiter.Decision d = limiter.take("key:a", 60);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(remaining);
        }
        RateLimiter.Decision refused = limiter.take("key:a", 60);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.reset()).isEqualTo(Duration.ofMinutes(1));

        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(limiter.take("key:a", 60).allowed()).isFalse();
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.take("key:a", 60).allowed()).isTrue();
        assertThat(limiter.take("key:a", 60).allowed()).isFalse();
    }

    @Test
    void bucketsAreSeparateAndRefillCompletelyAfterAMinute() {
        for (int i = 0; i < 5; i++) {
            limiter.take("address:10.0.0.1", 5);
        }
        assertThat(limiter.take("address:10.0.0.1", 5).allowed()).isFalse();
        assertThat(limiter.take("address:10.0.0.2", 5).allowed()).isTrue();

        clock.addAndGet(Duration.ofMinutes(1).toNanos());
        RateLimiter.Decision refreshed = limiter.take("address:10.0.0.1", 5);
        assertThat(refreshed.allowed()).isTrue();
        assertThat(refreshed.remaining()).isEqualTo(4);
    }
}
