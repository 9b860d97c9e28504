package news.cms.editor.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Serves a grid's offset-and-limit requests from a keyset-paged source: it remembers the cursor at
 * every offset it has reached, so a request starts from the nearest known cursor instead of an SQL
 * offset. A grid scrolls forward page by page, so requests nearly always start at a known cursor.
 *
 * @param <T> the rows
 * @param <C> the cursor: where the row after a given row starts
 */
final class KeysetPager<T, C> {

    private final BiFunction<@Nullable C, Integer, List<T>> source;
    private final Function<T, C> cursorOf;
    private final int maxChunk;
    /** Offset → the cursor of the row before it; offset 0 starts from no cursor. */
    private final NavigableMap<Integer, @Nullable C> known = new TreeMap<>();

    /**
     * @param source the rows after a cursor ({@code null}: from the first), at most the given number
     * @param maxChunk the largest number of rows the source returns at once
     */
    KeysetPager(BiFunction<@Nullable C, Integer, List<T>> source, Function<T, C> cursorOf, int maxChunk) {
        this.source = source;
        this.cursorOf = cursorOf;
        this.maxChunk = maxChunk;
        known.put(0, null);
    }

    List<T> fetch(int offset, int limit) {
        var start = known.floorEntry(offset);
        int at = start.getKey();
        C cursor = start.getValue();
        int end = offset + limit;
        List<T> rows = new ArrayList<>(limit);
        while (at < end) {
            int chunk = Math.min(maxChunk, end - at);
            List<T> page = source.apply(cursor, chunk);
            for (T row : page) {
                if (at >= offset) {
                    rows.add(row);
                }
                at++;
            }
            if (page.isEmpty()) {
                break;
            }
            cursor = cursorOf.apply(page.getLast());
            known.put(at, cursor);
            if (page.size() < chunk) {
                break;
            }
        }
        return rows;
    }

    /** How many boundaries are remembered; for tests. */
    int knownBoundaries() {
        return known.size();
    }
}
