package news.cms.editor.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    private final List<Integer> rows = IntStream.range(0, 1000).boxed().toList();
    private final List<String> calls = new ArrayList<>();

    /** Rows 0..999 in order; the cursor is the last row seen, as a keyset would be. */
    private final KeysetPager<Integer, Integer> pager = new KeysetPager<>(
            (after, limit) -> {
                calls.add(after + "+" + limit);
                int from = after == null ? 0 : after + 1;
                return rows.subList(Math.min(from, rows.size()), Math.min(from + limit, rows.size()));
            },
            row -> row,
            200);

    @Test
    void pagesForwardFromTheRememberedCursorWithoutOffsets() {
        assertThat(pager.fetch(0, 50)).containsExactlyElementsOf(rows.subList(0, 50));
        assertThat(pager.fetch(50, 50)).containsExactlyElementsOf(rows.subList(50, 100));
        assertThat(pager.fetch(100, 50)).containsExactlyElementsOf(rows.subList(100, 150));
        assertThat(calls).containsExactly("null+50", "49+50", "99+50");
    }

    @Test
    void aJumpAheadWalksFromTheNearestCursorInChunksAndRemembersTheWay() {
        assertThat(pager.fetch(450, 50)).containsExactlyElementsOf(rows.subList(450, 500));
        assertThat(calls).containsExactly("null+200", "199+200", "399+100");
        calls.clear();
        assertThat(pager.fetch(400, 50)).containsExactlyElementsOf(rows.subList(400, 450));
        assertThat(calls).containsExactly("399+50");
    }

    @Test
    void theEndOfTheQueueEndsTheFetch() {
        assertThat(pager.fetch(980, 50)).containsExactlyElementsOf(rows.subList(980, 1000));
        assertThat(pager.fetch(1000, 50)).isEmpty();
        assertThat(pager.fetch(0, 10)).containsExactlyElementsOf(rows.subList(0, 10));
    }
}
