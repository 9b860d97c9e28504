package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchCursorTest {

    private static final String ID = "0199a8f2-5c1e-7b3d-8e4f-2a6b9c0d1e2f";

    @ParameterizedTest
    @ValueSource(doubles = {0, 1.5, 12.345678, 1.0E-5, 3.4E38})
    void anIssuedCursorReadsBack(double score) {
        var cursor = new SearchCursor(score, 1_764_900_000_000L, ID);
        assertThat(SearchCursor.parse(cursor.token())).isEqualTo(cursor);
    }

    // Double.parseDouble takes all of these, and Elasticsearch refused NaN and Infinity in search_after.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "NaN|1|" + ID,
                "Infinity|1|" + ID,
                "-1.0|1|" + ID,
                "1e999|1|" + ID,
                "0x1p3|1|" + ID,
                " 1.0 |1|" + ID,
                "1.0d|1|" + ID,
                "1.0|99999999999999999999|" + ID,
                "1.0|1|" + "0199A8F2-5C1E-7B3D-8E4F-2A6B9C0D1E2F",
                "1.0|1|------------------------------------",
                "1.0|1|" + ID + "|extra",
                "1.0|1|"
            })
    void aCursorWeDidNotIssueIsRefused(String raw) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SearchCursor.parse(token)).isInstanceOf(InvalidSearchCursor.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%%", "٣٤", "not base64!"})
    void aMalformedTokenIsRefused(String token) {
        assertThatThrownBy(() -> SearchCursor.parse(token)).isInstanceOf(InvalidSearchCursor.class);
    }

    @Test
    void anOverlongTokenIsRefusedUnread() {
        assertThatThrownBy(() -> SearchCursor.parse("A".repeat(SearchCursor.MAX_TOKEN_LENGTH + 1)))
                .isInstanceOf(InvalidSearchCursor.class);
    }
}
