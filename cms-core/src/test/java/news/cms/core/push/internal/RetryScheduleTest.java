package news.cms.core.push.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    static final List<Duration> STANDARD = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void followsTheStandardWebhooksScheduleWithinTheJitter() {
        for (double random : new double[] {0, 0.5, 0.999}) {
            RetrySchedule schedule = new RetrySchedule(STANDARD, 0.1, Duration.ofHours(12), () -> random);
            for (int made = 1; made < STANDARD.size(); made++) {
                Duration wait =
                        Duration.between(NOW, schedule.next(made, NOW, null).orElseThrow());
                long expected = STANDARD.get(made).toMillis();
                assertThat(wait.toMillis())
                        .as("after attempt %d", made)
                        .isBetween(Math.round(expected * 0.9), Math.round(expected * 1.1));
            }
        }
        RetrySchedule none = new RetrySchedule(STANDARD, 0.1, Duration.ofHours(12), () -> 0.5);
        assertThat(none.next(2, NOW, null)).contains(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void endsWhenTheScheduleIsUsedUp() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.1, Duration.ofHours(12), () -> 0.5);
        assertThat(schedule.next(STANDARD.size() - 1, NOW, null)).isPresent();
        assertThat(schedule.next(STANDARD.size(), NOW, null)).isEmpty();
    }

    @Test
    void retryAfterDelaysButNeverHastensAndIsCapped() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.1, Duration.ofHours(12), () -> 0.5);
        assertThat(schedule.next(1, NOW, Duration.ofMinutes(2))).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(schedule.next(2, NOW, Duration.ofSeconds(1))).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(1, NOW, Duration.ofDays(30))).contains(NOW.plus(Duration.ofHours(12)));
    }
}
