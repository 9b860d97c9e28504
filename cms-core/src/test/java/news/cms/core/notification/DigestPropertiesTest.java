package news.cms.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The digest's settings are checked when the app starts: off needs nothing, on needs a sender. */
class DigestPropertiesTest {

    @Test
    void offNeedsNoSender() {
        assertThat(new DigestProperties(false, null, Duration.ofHours(1)).enabled())
                .isFalse();
    }

    @Test
    void onNeedsOneValidSenderAddress() {
        assertThat(new DigestProperties(true, " Newsroom desk <desk@newsroom.test> ", Duration.ofHours(1)).from())
                .isEqualTo("Newsroom desk <desk@newsroom.test>");
        assertThatThrownBy(() -> new DigestProperties(true, null, Duration.ofHours(1)))
                .hasMessageContaining("cms.mail-digest.from");
        assertThatThrownBy(() -> new DigestProperties(true, "desk at newsroom", Duration.ofHours(1)))
                .hasMessageContaining("cms.mail-digest.from");
    }

    @Test
    void theIntervalIsBetweenAMinuteAndAWeek() {
        assertThatThrownBy(() -> new DigestProperties(false, null, Duration.ofSeconds(30)))
                .hasMessageContaining("cms.mail-digest.interval");
        assertThatThrownBy(() -> new DigestProperties(false, null, Duration.ofDays(8)))
                .hasMessageContaining("cms.mail-digest.interval");
        assertThat(new DigestProperties(false, null, Duration.ofMinutes(1)).interval())
                .isEqualTo(Duration.ofMinutes(1));
    }
}
