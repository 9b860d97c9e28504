package news.cms.core.partnerkey.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.notice.ChangeNotice;
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
    private final ConcurrentHashMap<String, PartnerKeyRepository.StoredKey> byPrefix = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PartnerKeyId, Instant> uses = new ConcurrentHashMap<>();
    /** Bumped by every change notice; a load that raced with one does not keep its result. */
    private final AtomicLong generation = new AtomicLong();

    KnownKeys(PartnerKeyRepository keys) {
        this.keys = keys;
    }

    public Optional<PartnerKeyRepository.StoredKey> find(String prefix) {
        var cached = byPrefix.get(prefix);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<PartnerKeyRepository.StoredKey> loaded = keys.findByPrefix(prefix);
        loaded.ifPresent(stored -> {
            if (byPrefix.size() >= MAX_ENTRIES) {
                byPrefix.clear();
            }
            byPrefix.put(prefix, stored);
            if (generation.get() != before) {
                byPrefix.remove(prefix, stored);
            }
        });
        return loaded;
    }

    public void used(PartnerKeyId id, Instant at) {
        uses.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @EventListener
    void on(ChangeNotice notice) {
        if (notice.affectsAll("partner_key")) {
            generation.incrementAndGet();
            byPrefix.clear();
        } else if (notice.table().equals("partner_key") && notice.id() != null) {
            generation.incrementAndGet();
            byPrefix.values().removeIf(s -> s.key().id().toString().equals(notice.id()));
        }
    }

    /** Drops every cached key; the next check of each reads the database. */
    public void forget(PartnerKeyId id) {
        generation.incrementAndGet();
        byPrefix.values().removeIf(s -> s.key().id().equals(id));
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
