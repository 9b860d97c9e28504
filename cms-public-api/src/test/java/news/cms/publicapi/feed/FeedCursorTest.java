package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /** Partners keep cursors between polls: one made by the code before the shared helper still reads. */
    @Test
    void aCursorIssuedBeforeTheSigningHelperStillDecodes() throws Exception {
        byte[] signed = ByteBuffer.allocate(9).put((byte) 1).putLong(90_210).array();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                "a test secret that is long enough, really".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] old =
                ByteBuffer.allocate(41).put(signed).put(mac.doFinal(signed)).array();

        assertThat(cursors.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(old)))
                .isEqualTo(90_210);
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
