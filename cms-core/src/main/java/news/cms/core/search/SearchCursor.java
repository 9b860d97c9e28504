package news.cms.core.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of hits ended (score, publication time, id), as an opaque token for the next
 * request. It only carries sort values, so a forged token can skip results but reveal nothing.
 */
public record SearchCursor(double score, long publishedAtMillis, String id) {

    public SearchCursor {
        if (!id.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a search cursor");
        }
    }

    public String token() {
        String raw = score + "|" + publishedAtMillis + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException when the token is not one this service issued
     */
    public static SearchCursor parse(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException("not a search cursor");
            }
            return new SearchCursor(Double.parseDouble(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a search cursor", e);
        }
    }
}
