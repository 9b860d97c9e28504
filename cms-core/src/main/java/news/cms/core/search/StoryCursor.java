package news.cms.core.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of stories ({@link SearchService#searchStories}) ended, as an opaque token. Collapsed
 * results cannot page with {@code search_after} on our sort (Elasticsearch allows it only when the
 * sort is the collapse field), so this is an offset, bounded by the engine's result window.
 */
public record StoryCursor(int offset) {

    /**
     * The farthest offset: Elasticsearch refuses {@code from + size} over its result window (10,000),
     * and a page is at most {@link SearchQuery#MAX_LIMIT}.
     */
    public static final int MAX_OFFSET = 10_000 - SearchQuery.MAX_LIMIT;

    private static final String PREFIX = "story|";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    public StoryCursor {
        if (offset < 1 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("a story cursor's offset is from 1 to " + MAX_OFFSET + ": " + offset);
        }
    }

    public String token() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidSearchCursor when the token is not one this service issued for stories
     */
    public static StoryCursor parse(String token) {
        if (token.length() > 32) {
            throw new InvalidSearchCursor("too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchCursor("not base64url");
        }
        if (!raw.startsWith(PREFIX)
                || !DIGITS.matcher(raw.substring(PREFIX.length())).matches()) {
            throw new InvalidSearchCursor("not a cursor of collapsed results");
        }
        int offset = Integer.parseInt(raw.substring(PREFIX.length()));
        if (offset < 1 || offset > MAX_OFFSET) {
            throw new InvalidSearchCursor("offset out of range");
        }
        return new StoryCursor(offset);
    }
}
