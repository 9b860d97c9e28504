package news.cms.core.partnerkey;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import news.cms.core.account.CurrentUser;
import news.cms.core.audit.AuditLog;
import news.cms.core.partnerkey.internal.KeySecrets;
import news.cms.core.partnerkey.internal.KnownKeys;
import news.cms.core.partnerkey.internal.PartnerKeyRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists and revokes partner keys (admins only, each change audited), and checks a presented
 * secret (for the public API, before anyone is signed in).
 */
@Service
public class PartnerKeyService {

    private final PartnerKeyRepository keys;
    private final KnownKeys known;
    private final AuditLog audit;
    private final Clock clock;

    PartnerKeyService(PartnerKeyRepository keys, KnownKeys known, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.known = known;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @return the key and its secret, which is not kept and cannot be shown again
     * @throws InvalidExpiry when the expiry is not in the future
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IssuedPartnerKey issue(NewPartnerKey request) {
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidExpiry(request.expiresAt());
        }
        String admin = currentUser();
        KeySecrets.Secret secret = KeySecrets.generate();
        PartnerKey key = new PartnerKey(
                PartnerKeyId.random(),
                request.name(),
                secret.prefix(),
                request.scopes(),
                now,
                admin,
                request.expiresAt(),
                null,
                null,
                request.requestsPerMinute());
        keys.insert(key, KeySecrets.hash(secret.value()));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", key.name());
        details.put("prefix", key.prefix());
        details.put("scopes", key.scopes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        details.put("requestsPerMinute", Integer.toString(key.requestsPerMinute()));
        if (key.expiresAt() != null) {
            details.put("expiresAt", key.expiresAt().toString());
        }
        audit.record(admin, "partner-key.issue", "partner-key", key.id().toString(), details);
        return new IssuedPartnerKey(key, secret.value());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<PartnerKey> list() {
        return keys.all();
    }

    /**
     * Revokes the key in every app at once (a change notice empties their caches on commit).
     * Revoking a revoked key changes nothing.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public PartnerKey revoke(PartnerKeyId id) {
        PartnerKey key = keys.find(id).orElseThrow(() -> new PartnerKeyNotFound(id));
        String admin = currentUser();
        if (keys.revoke(id, clock.instant(), admin)) {
            audit.record(admin, "partner-key.revoke", "partner-key", id.toString(), Map.of("prefix", key.prefix()));
            known.forget(id);
        }
        return keys.find(id).orElseThrow(() -> new PartnerKeyNotFound(id));
    }

    /**
     * Whether {@link #verify} would read the database for this secret: its prefix is neither a key
     * held in memory nor one recently found missing. A caller can charge a rate limit first.
     */
    public boolean needsLookUp(String presented) {
        String prefix = KeySecrets.prefixOf(presented);
        return prefix != null && known.needsLookUp(prefix);
    }

    /** Checks a presented secret; a valid key's use is recorded. Usually no database work. */
    public KeyCheck verify(String presented) {
        String prefix = KeySecrets.prefixOf(presented);
        if (prefix == null) {
            return new KeyCheck.Unknown();
        }
        var stored = known.find(prefix).orElse(null);
        if (stored == null || !MessageDigest.isEqual(stored.secretHash(), KeySecrets.hash(presented))) {
            return new KeyCheck.Unknown();
        }
        PartnerKey key = stored.key();
        Instant now = clock.instant();
        if (key.isRevoked()) {
            return new KeyCheck.Revoked(key);
        }
        if (key.isExpiredAt(now)) {
            return new KeyCheck.Expired(key);
        }
        known.used(key.id(), now);
        return new KeyCheck.Valid(key);
    }

    private static String currentUser() {
        return CurrentUser.get().name();
    }
}
