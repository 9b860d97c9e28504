package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedCursorTest {

    private final FeedCursor cursors = new FeedCursor("a test secret that is long enough, really");

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 49, 1_000_000, Long.MAX_VALUE})
    void aCursorReadsBackAsItsPosition(long position) {
        String cursor = cursors.encode(position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursors.decode(cursor)).isEqualTo(position);
    }

    @Test
    void theCursorDoesNotShowThePositionInClear() {
        assertThat(cursors.encode(12345)).doesNotContain("12345");
    }

    @Test
    void aChangedPositionIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(cursors.encode(10));
        bytes[8] ^= 0x01; // the lowest byte of the position: 10 becomes 11
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertRefused(forged);
    }

    @Test
    void aChangedTagIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(cursors.encode(10));
        bytes[bytes.length - 1] ^= 0x40;
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Test
    void aCursorSignedWithAnotherSecretIsRefused() {
        FeedCursor other = new FeedCursor("another secret of at least thirty-two chars");
        assertRefused(other.encode(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "not base64!!", "AQAAAAAAAAAK", "%%%"})
    void malformedCursorsAreRefused(String cursor) {
        assertRefused(cursor);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new FeedCursor("too short")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String cursor) {
        assertThatThrownBy(() -> cursors.decode(cursor))
                .isInstanceOf(InvalidFeedRequest.class)
                .extracting(e -> ((InvalidFeedRequest) e).type())
                .isEqualTo("invalid-cursor");
    }
}
