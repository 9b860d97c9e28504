package news.cms.core.availability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DataSourceGuardTest {

    @Test
    void theReadTimeoutIsCheckedWhenTheAppStarts() {
        assertThat(DataSourceGuard.readTimeout(Duration.ofMillis(1700))).isEqualTo(Duration.ofMillis(1700));
        assertThatThrownBy(() -> DataSourceGuard.readTimeout(Duration.ofMillis(50)))
                .hasMessage("cms.fail-fast.database-read-timeout must be between 200ms and 10s, not PT0.05S");
        assertThatThrownBy(() -> DataSourceGuard.readTimeout(Duration.ofMinutes(1)))
                .hasMessageContaining("must be between 200ms and 10s");
    }
}
