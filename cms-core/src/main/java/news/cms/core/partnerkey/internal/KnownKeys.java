package news.cms.core.partnerkey.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import news.cms.core.partnerkey.PartnerKeyId;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keys by prefix as last read from the database, so that a request does no database work to check
 * its key. A {@link ChangeNotice} from any app (a revocation, say) drops the key at once. Uses are
 * collected here and written every few seconds: one write per key, not one per request.
 */
@Component
public class KnownKeys {

    private static final int MAX_ENTRIES = 10_000;

    private final PartnerKeyRepository keys;
    /** A notice names the key's id, not its prefix: the keys held are searched for it. */
    private final NoticedCache<String, PartnerKeyRepository.StoredKey> byPrefix =
            NoticedCache.<String, PartnerKeyRepository.StoredKey>watching("partner_key")
                    .evictingValues((id, stored) -> stored.key().id().toString().equals(id))
                    .maxEntries(MAX_ENTRIES)
                    .build();

    private final ConcurrentHashMap<PartnerKeyId, Instant> uses = new ConcurrentHashMap<>();

    KnownKeys(PartnerKeyRepository keys) {
        this.keys = keys;
    }

    /** Only keys that exist are kept: a prefix unknown now may be issued a moment later. */
    public Optional<PartnerKeyRepository.StoredKey> find(String prefix) {
        return Optional.ofNullable(
                byPrefix.get(prefix, p -> keys.findByPrefix(p).orElse(null)));
    }

    public void used(PartnerKeyId id, Instant at) {
        uses.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @EventListener
    void on(ChangeNotice notice) {
        byPrefix.on(notice);
    }

    /** Drops this key from the cache; its next check reads the database. */
    public void forget(PartnerKeyId id) {
        byPrefix.evictIf(stored -> stored.key().id().equals(id));
    }

    @Scheduled(fixedDelayString = "${cms.partner-keys.last-use-flush:5s}")
    public void flushUses() {
        if (uses.isEmpty()) {
            return;
        }
        Map<PartnerKeyId, Instant> batch = new HashMap<>();
        for (PartnerKeyId id : uses.keySet()) {
            Instant at = uses.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        keys.recordUses(batch);
    }
}
