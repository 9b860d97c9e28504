package news.cms.core.partnerkey;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partner key as people see it: never its secret, only the {@code prefix} that starts it.
 *
 * @param lastUsedAt when a request last presented it; written in batches, so up to a few seconds old
 */
public record PartnerKey(
        PartnerKeyId id,
        String name,
        String prefix,
        Set<PartnerScope> scopes,
        Instant createdAt,
        String createdBy,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        int requestsPerMinute) {

    public PartnerKey {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean has(PartnerScope scope) {
        return scopes.contains(scope);
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Usable at {@code now}: neither revoked nor expired. */
    public boolean isActiveAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now);
    }
}
