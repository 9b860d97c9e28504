package news.cms.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MetersTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void theOldestWaitingThingsAgeIsInSecondsAndNeverNegative() {
        assertThat(Meters.ageSeconds(null, clock)).as("nothing waits").isZero();
        assertThat(Meters.ageSeconds(Timestamp.from(Instant.parse("2026-12-06T02:58:29.500Z")), clock))
                .isEqualTo(90.5);
        assertThat(Meters.ageSeconds(Timestamp.from(Instant.parse("2026-12-06T03:00:02Z")), clock))
                .as("the database's clock a little ahead of the app's")
                .isZero();
    }
}
