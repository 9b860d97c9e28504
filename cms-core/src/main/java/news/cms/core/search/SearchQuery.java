package news.cms.core.search;

import java.time.Instant;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What a reader or partner searches for; the text is matched as words, never parsed as query
 * syntax, so no input can break the query.
 *
 * @param from only articles published at or after this instant
 * @param to only articles published before this instant
 * @param after the cursor of the previous page's last hit
 */
public record SearchQuery(
        String text,
        @Nullable LanguageTag language,
        @Nullable String section,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable SearchCursor after,
        int limit) {

    public static final int MAX_TEXT = 500;
    public static final int MAX_LIMIT = 100;
    /** The earliest {@code from} and {@code to}: no story of ours is older. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    /**
     * The latest {@code from} and {@code to}. Elasticsearch reads dates with four-digit years only, so
     * an unbounded date (year 10000 and later) made it refuse the whole search.
     */
    public static final Instant LATEST = Instant.parse("2201-01-01T00:00:00Z");

    public SearchQuery {
        text = Texts.required(text, "query");
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a query is at most " + MAX_TEXT + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        section = section == null || section.isBlank()
                ? null
                : Texts.clean(section, "section").strip();
        if (outOfRange(from) || outOfRange(to)) {
            throw new IllegalArgumentException("dates are from the years 1900 to 2200");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the date range is empty: from must be before to");
        }
    }

    private static boolean outOfRange(@Nullable Instant instant) {
        return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST));
    }

    public SearchQuery(String text, @Nullable LanguageTag language, int limit) {
        this(text, language, null, null, null, null, limit);
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, 20);
    }

    /** The same search, one page further. */
    public SearchQuery after(SearchCursor cursor) {
        return new SearchQuery(text, language, section, from, to, cursor, limit);
    }
}
