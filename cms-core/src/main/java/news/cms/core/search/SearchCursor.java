package news.cms.core.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where a page of hits ended (score, publication time, id), as an opaque token for the next
 * request. It only carries sort values, so a forged token can skip results but reveal nothing; it
 * is not signed. Its values go into Elasticsearch's {@code search_after}, so they are checked here:
 * a finite, non-negative score and a lower-case UUID.
 */
public record SearchCursor(double score, long publishedAtMillis, String id) {

    /** The longest token {@link #parse} reads: an issued one is about 100 characters. */
    public static final int MAX_TOKEN_LENGTH = 256;

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SCORE = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?(E-?[0-9]{1,3})?");
    private static final Pattern MILLIS = Pattern.compile("-?[0-9]{1,19}");

    public SearchCursor {
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("a search score is finite and not negative: " + score);
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a search cursor's id is a lower-case UUID");
        }
    }

    public String token() {
        String raw = score + "|" + publishedAtMillis + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws InvalidSearchCursor when the token is not one this service issued
     */
    public static SearchCursor parse(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidSearchCursor("too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchCursor("not base64url");
        }
        String[] parts = raw.split("\\|", -1);
        // Strict forms before parsing: Double.parseDouble takes "NaN", "Infinity", "0x1p3" and " 1d ".
        if (parts.length != 3
                || !SCORE.matcher(parts[0]).matches()
                || !MILLIS.matcher(parts[1]).matches()
                || !ID.matcher(parts[2]).matches()) {
            throw new InvalidSearchCursor("not score|time|id");
        }
        double score = Double.parseDouble(parts[0]);
        long millis;
        try {
            millis = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new InvalidSearchCursor("time out of range");
        }
        if (!Double.isFinite(score)) {
            throw new InvalidSearchCursor("score out of range");
        }
        return new SearchCursor(score, millis, parts[2]);
    }
}
