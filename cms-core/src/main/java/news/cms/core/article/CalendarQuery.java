package news.cms.core.article;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Calendar entries at or after {@code from} and before {@code to} (if given), earliest first, a page
 * at a time after a keyset cursor.
 */
public record CalendarQuery(
        Instant from, @Nullable Instant to, @Nullable Cursor after, int limit) {

    public static final int MAX_LIMIT = 200;

    /** The last entry of the previous page. */
    public record Cursor(Instant at, CalendarEntry.Kind kind, ArticleId id) {}

    public CalendarQuery {
        if (from == null) {
            throw new IllegalArgumentException("a calendar starts somewhere: from is required");
        }
        if (to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the date range is empty: from must be before to");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The same range, one page further. */
    public CalendarQuery after(Cursor cursor) {
        return new CalendarQuery(from, to, cursor, limit);
    }
}
