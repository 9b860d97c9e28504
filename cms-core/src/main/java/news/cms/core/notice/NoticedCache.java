package news.cms.core.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory cache that {@link ChangeNotice}s empty: it watches one or more tables, and a notice
 * for one of their rows evicts the keys that row maps to (or, without such a mapping, everything);
 * a notice for a whole table, or {@link ChangeNotice#everything()}, empties it. An entry may be
 * kept until a given instant, and past a size cap the cache starts afresh.
 *
 * <p>A value loaded while an eviction happens is never kept: every eviction first moves a
 * generation on, and a load stores its value only if the generation is still the one it read
 * before it began, checked under the key's lock with the store (so once {@link #evict}, {@link
 * #evictAll} or {@link #clear} has returned, no reader sees a value loaded before it) and once more
 * after it (an {@link #evictIf} that passed the key meanwhile: the value is taken out again at once).
 *
 * <p>The owner passes its notices on: {@code @EventListener void on(ChangeNotice n) { cache.on(n); }}.
 */
public final class NoticedCache<K, V> {

    private record Entry<V>(V value, @Nullable Instant expires) {}

    private final Set<String> tables;
    private final @Nullable Function<String, ? extends Iterable<? extends K>> keysOfRow;
    private final @Nullable BiPredicate<String, ? super V> heldFromRow;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moved on before every eviction; a load that began in an older generation is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private NoticedCache(Builder<K, V> builder) {
        this.tables = Set.copyOf(builder.tables);
        this.keysOfRow = builder.keysOfRow;
        this.heldFromRow = builder.heldFromRow;
        this.maxEntries = builder.maxEntries;
        this.clock = builder.clock;
    }

    /** A cache that notices for these tables' rows evict from. */
    public static <K, V> Builder<K, V> watching(String... tables) {
        return new Builder<>(List.of(tables));
    }

    /** The cached value, unless there is none or it expired; never loads. */
    public @Nullable V getIfPresent(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.expires() != null && !entry.expires().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * The cached value, else the loader's, which is kept unless an eviction happened meanwhile.
     *
     * @param loader gives the value, or null for one not to keep (then this returns null); what it
     *     throws, this throws, keeping nothing
     */
    public @Nullable V get(K key, Function<? super K, ? extends @Nullable V> loader) {
        V cached = getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long stamp = stamp();
        V loaded = loader.apply(key);
        if (loaded != null) {
            putIfUnchanged(key, loaded, stamp);
        }
        return loaded;
    }

    /** Read before loading a value for {@link #putIfUnchanged}. */
    public long stamp() {
        return generation.get();
    }

    /** Keeps a value until evicted, if nothing was evicted since {@code stamp}. */
    public boolean putIfUnchanged(K key, V value, long stamp) {
        return putIfUnchanged(key, value, stamp, null);
    }

    /**
     * Keeps a value until {@code expires} (null: until evicted), if nothing was evicted since
     * {@code stamp}, which the caller read before it began loading the value.
     *
     * @return whether it was kept
     */
    public boolean putIfUnchanged(K key, V value, long stamp, @Nullable Instant expires) {
        if (entries.size() >= maxEntries) {
            entries.clear(); // crude, but bounded; a full cache refills from the hot keys first
        }
        Entry<V> entry = new Entry<>(value, expires);
        // The check and the store are one step under the key's lock, which evict and clear take too.
        if (entries.compute(key, (k, old) -> generation.get() == stamp ? entry : old) != entry) {
            return false;
        }
        // evictIf walks the map without that lock and may pass the key just before the store.
        if (generation.get() != stamp) {
            entries.remove(key, entry);
            return false;
        }
        return true;
    }

    public void evict(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    public void evictAll(Iterable<? extends K> keys) {
        generation.incrementAndGet();
        for (K key : keys) {
            entries.remove(key);
        }
    }

    /** Evicts the values that match, for when the key cannot be told from what changed. */
    public void evictIf(Predicate<? super V> which) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Evicts what the notice says changed, if it concerns a watched table. */
    public void on(ChangeNotice notice) {
        for (String table : tables) {
            if (notice.affectsAll(table)) {
                clear();
                return;
            }
        }
        String id = notice.id();
        if (id == null || !tables.contains(notice.table())) {
            return;
        }
        if (keysOfRow != null) {
            evictAll(keysOfRow.apply(id));
        } else if (heldFromRow != null) {
            evictIf(value -> heldFromRow.test(id, value));
        } else {
            clear();
        }
    }

    int size() {
        return entries.size();
    }

    /**
     * Runs an eviction now and, inside a transaction, once more after it ends: a reader may load
     * the old committed row while the transaction is still open, and keep it past the first run.
     */
    public static void nowAndAfterTransaction(Runnable eviction) {
        eviction.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    eviction.run();
                }
            });
        }
    }

    /** How a {@link NoticedCache} evicts and how large it may grow. */
    public static final class Builder<K, V> {

        private final List<String> tables;
        private @Nullable Function<String, ? extends Iterable<? extends K>> keysOfRow;
        private @Nullable BiPredicate<String, ? super V> heldFromRow;
        private int maxEntries = 10_000;
        private Clock clock = Clock.systemUTC();

        private Builder(List<String> tables) {
            if (tables.isEmpty()) {
                throw new IllegalArgumentException("a noticed cache watches at least one table");
            }
            this.tables = tables;
        }

        /** A row's notice evicts these keys (the notice's id is the row's id). */
        public Builder<K, V> evictingKeys(Function<String, ? extends Iterable<? extends K>> keysOfRow) {
            this.keysOfRow = keysOfRow;
            return this;
        }

        /** A row's notice evicts the values this says were read from that row. */
        public Builder<K, V> evictingValues(BiPredicate<String, ? super V> heldFromRow) {
            this.heldFromRow = heldFromRow;
            return this;
        }

        /** Past this many entries the cache is emptied before the next one is kept (10,000 unless set). */
        public Builder<K, V> maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** The clock expiry is measured by (the system's in UTC unless set). */
        public Builder<K, V> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public NoticedCache<K, V> build() {
            if (keysOfRow != null && heldFromRow != null) {
                throw new IllegalStateException("evict a row's notice by keys or by values, not both");
            }
            return new NoticedCache<>(this);
        }
    }
}
