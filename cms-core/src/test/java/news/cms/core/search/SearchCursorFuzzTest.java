package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The search cursor comes back from any client: whatever the token, {@link SearchCursor#parse} either
 * refuses it with {@link InvalidSearchCursor} (a 400) or gives a cursor whose values Elasticsearch
 * takes in {@code search_after}, and which reads back unchanged. Each input is tried as the token
 * itself and as the base64url of its bytes, so the fuzzer reaches the fields behind the encoding.
 * Seeds in {@code SearchCursorFuzzTestInputs}; fuzzing: docs/adr/0012.
 */
class SearchCursorFuzzTest {

    @FuzzTest(maxDuration = "90s")
    void onlyInvalidSearchCursorEscapes(byte[] data) {
        check(new String(data, StandardCharsets.UTF_8));
        check(Base64.getUrlEncoder().withoutPadding().encodeToString(data));
    }

    private static void check(String token) {
        SearchCursor cursor;
        try {
            cursor = SearchCursor.parse(token);
        } catch (InvalidSearchCursor refused) {
            return;
        }
        assertThat(Double.isFinite(cursor.score())).as("score of %s", token).isTrue();
        assertThat(cursor.score()).isNotNegative();
        assertThat(cursor.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(SearchCursor.parse(cursor.token())).isEqualTo(cursor);
    }
}
