package news.cms.core.partnerkey.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import news.cms.core.partnerkey.PartnerKeyId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keys by prefix as last read from the database, so that a request does no database work to check
 * its key. A {@link ChangeNotice} from any app (a revocation, say) drops the key at once. Uses are
 * collected here and written every few seconds: one write per key, not one per request. A prefix
 * that was looked up and not found is remembered as missing for {@link #MISSING_FOR} (at most
 * {@link #MAX_MISSING} of them, Caffeine's W-TinyLFU keeping the ones asked for most), so that a
 * client repeating a made-up key costs one look-up, not one per request (ADR 0015).
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

    /**
     * Short: a new key's insert sends no change notice, so a prefix remembered as missing here is only
     * forgotten when this runs out. Prefixes are random, so only someone who presented the very prefix
     * before it was issued could meet that, and only for this long.
     */
    static final Duration MISSING_FOR = Duration.ofSeconds(10);

    static final int MAX_MISSING = 100_000;

    private final Cache<String, Boolean> missing;

    private final ConcurrentHashMap<PartnerKeyId, Instant> uses = new ConcurrentHashMap<>();

    @Autowired
    KnownKeys(PartnerKeyRepository keys) {
        this(keys, Ticker.systemTicker());
    }

    KnownKeys(PartnerKeyRepository keys, Ticker ticker) {
        this.keys = keys;
        this.missing = Caffeine.newBuilder()
                .maximumSize(MAX_MISSING)
                .expireAfterWrite(MISSING_FOR)
                .ticker(ticker)
                .build();
    }

    /** Keys that exist are kept until a notice drops them; a missing prefix for {@link #MISSING_FOR}. */
    public Optional<PartnerKeyRepository.StoredKey> find(String prefix) {
        if (missing.getIfPresent(prefix) != null) {
            return Optional.empty();
        }
        PartnerKeyRepository.StoredKey found =
                byPrefix.get(prefix, p -> keys.findByPrefix(p).orElse(null));
        if (found == null) {
            missing.put(prefix, Boolean.TRUE);
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@link #find} would read the database for this prefix. */
    public boolean needsLookUp(String prefix) {
        return missing.getIfPresent(prefix) == null && byPrefix.getIfPresent(prefix) == null;
    }

    /** How many prefixes are remembered as missing, after pending evictions. */
    long missingCount() {
        missing.cleanUp();
        return missing.estimatedSize();
    }

    public void used(PartnerKeyId id, Instant at) {
        uses.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    @EventListener
    void on(ChangeNotice notice) {
        byPrefix.on(notice);
        if (notice.table().equals("partner_key") || notice.affectsAll("partner_key")) {
            // A key changed or was deleted, or notices were lost: nothing is known to be missing any more.
            missing.invalidateAll();
        }
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
