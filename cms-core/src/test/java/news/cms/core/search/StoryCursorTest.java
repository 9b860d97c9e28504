package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoryCursorTest {

    @Test
    void aTokenReadsBackAsTheSameOffset() {
        for (int offset : new int[] {1, 20, 137, StoryCursor.MAX_OFFSET}) {
            StoryCursor cursor = new StoryCursor(offset);
            assertThat(StoryCursor.parse(cursor.token())).isEqualTo(cursor);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"story|0", "story|9901", "story|-1", "story|1e3", "story| 5", "story|00000001", "20", ""})
    void anythingButAnIssuedOffsetIsRefused(String raw) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> StoryCursor.parse(token)).isInstanceOf(InvalidSearchCursor.class);
    }

    @Test
    void aCursorOfPlainResultsOrGarbageIsRefused() {
        String plain = new SearchCursor(1.5, 1_700_000_000_000L, "0b6f3c1e-5a7d-4e2b-9c8f-1d2e3f4a5b6c").token();
        assertThatThrownBy(() -> StoryCursor.parse(plain)).isInstanceOf(InvalidSearchCursor.class);
        assertThatThrownBy(() -> StoryCursor.parse("%%%")).isInstanceOf(InvalidSearchCursor.class);
        assertThatThrownBy(() -> StoryCursor.parse("x".repeat(40))).isInstanceOf(InvalidSearchCursor.class);
    }
}
