package news.cms.core.partnerkey;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What an admin asks for when issuing a key.
 *
 * @param name who the key is for, e.g. "Kurdistan24 partner feed" (1 to {@value #MAX_NAME} characters)
 * @param expiresAt when the key stops working, or null for a key that works until revoked
 * @param requestsPerMinute the key's rate limit, 1 to {@value #MAX_RATE}
 */
public record NewPartnerKey(
        String name, Set<PartnerScope> scopes, @Nullable Instant expiresAt, int requestsPerMinute) {

    public static final int MAX_NAME = 100;
    public static final int MAX_RATE = 100_000;

    public NewPartnerKey {
        name = Texts.required(name, "name").replace('\n', ' ').replace('\t', ' ');
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw new IllegalArgumentException("a partner key's name has at most " + MAX_NAME + " characters");
        }
        scopes = scopes == null || scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        if (requestsPerMinute < 1 || requestsPerMinute > MAX_RATE) {
            throw new IllegalArgumentException("requests per minute must be from 1 to " + MAX_RATE);
        }
    }
}
