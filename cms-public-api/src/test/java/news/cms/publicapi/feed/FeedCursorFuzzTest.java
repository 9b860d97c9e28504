package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import news.cms.core.signing.SigningKey;

/**
 * Partners send any {@code cursor}: {@link FeedCursor#decode} answers each with a position or
 * {@link InvalidFeedRequest} (400 {@code invalid-cursor}), nothing else. Each input is tried as the
 * cursor itself and as the payload of a correctly signed token, so the checks behind the signature
 * are fuzzed too. Seeds in {@code FeedCursorFuzzTestInputs}; fuzzing: docs/adr/0012.
 */
class FeedCursorFuzzTest {

    static final String SECRET = "feed cursor secret of the fuzz test, 32+";

    private static final FeedCursor CURSORS = new FeedCursor(SECRET);
    private static final SigningKey KEY = SigningKey.of(SECRET, "test");

    @FuzzTest(maxDuration = "90s")
    void onlyInvalidFeedRequestEscapes(byte[] data) {
        check(new String(data, StandardCharsets.UTF_8));
        check(KEY.sign(data));
    }

    private static void check(String cursor) {
        long position;
        try {
            position = CURSORS.decode(cursor);
        } catch (InvalidFeedRequest refused) {
            assertThat(refused.type()).isEqualTo("invalid-cursor");
            return;
        }
        assertThat(position).isNotNegative();
        assertThat(CURSORS.decode(CURSORS.encode(position))).isEqualTo(position);
    }
}
