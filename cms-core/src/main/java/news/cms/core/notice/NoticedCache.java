package news.cms.core.notice;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory cache that {@link ChangeNotice}s empty: it watches one or more tables, and a notice
 * for one of their rows evicts the keys that row maps to (or, without such a mapping, everything);
 * a notice for a whole table, or {@link ChangeNotice#everything()}, empties it. An entry may be
 * kept until a given instant.
 *
 * <p>The entries live in a Caffeine cache bounded by count and, optionally, by total size: past the
 * bound its W-TinyLFU policy drops what is least worth keeping, so a flood of keys asked for once
 * (random article ids, say) neither costs a request more than O(1) nor flushes the keys in steady
 * use. Hits and misses are counted ({@link #stats()}) for metrics.
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

    /** @param expires the clock's epoch nanoseconds after which it is gone, or {@link Long#MAX_VALUE} */
    private record Entry<V>(V value, long expires, long size) {}

    private final Set<String> tables;
    private final @Nullable Function<String, ? extends Iterable<? extends K>> keysOfRow;
    private final @Nullable BiPredicate<String, ? super V> heldFromRow;
    private final @Nullable ToLongFunction<? super V> sizeOf;
    private final long maxSize;
    private final Clock clock;
    private final Cache<K, Entry<V>> entries;
    /** Moved on before every eviction; a load that began in an older generation is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private NoticedCache(Builder<K, V> builder) {
        this.tables = Set.copyOf(builder.tables);
        this.keysOfRow = builder.keysOfRow;
        this.heldFromRow = builder.heldFromRow;
        this.sizeOf = builder.sizeOf;
        this.maxSize = builder.maxSize;
        this.clock = builder.clock;
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder().recordStats().ticker(() -> epochNanos(clock));
        if (sizeOf == null) {
            caffeine.maximumSize(builder.maxEntries);
        } else {
            // Caffeine bounds one weight: each entry weighs at least a share of the total size, so
            // the total bounds the count too (at most maxEntries) as well as the bytes.
            long share = Math.max(1, Math.ceilDiv(maxSize, builder.maxEntries));
            caffeine.maximumWeight(maxSize).<K, Entry<V>>weigher((key, entry) ->
                    (int) Math.min(Integer.MAX_VALUE, Math.max(share, entry.size())));
        }
        this.entries = caffeine.<K, Entry<V>>expireAfter(new Expiry<K, Entry<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Entry<V> entry, long now) {
                        return entry.expires() == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, entry.expires() - now);
                    }

                    @Override
                    public long expireAfterUpdate(K key, Entry<V> entry, long now, long remaining) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(K key, Entry<V> entry, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }

    /** A cache that notices for these tables' rows evict from. */
    public static <K, V> Builder<K, V> watching(String... tables) {
        return new Builder<>(List.of(tables));
    }

    /** The cached value, unless there is none or it expired; never loads. */
    public @Nullable V getIfPresent(K key) {
        Entry<V> entry = entries.getIfPresent(key);
        return entry == null ? null : entry.value();
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
        long bytes = sizeOf == null ? 0 : sizeOf.applyAsLong(value);
        if (bytes > maxSize) {
            return false; // larger than the whole cache may be: served, never kept
        }
        Entry<V> entry = new Entry<>(value, expires == null ? Long.MAX_VALUE : epochNanos(expires), bytes);
        // The check and the store are one step under the key's lock, which evict and clear take too.
        boolean kept = entry == entries.asMap().compute(key, (k, old) -> generation.get() == stamp ? entry : old);
        if (!kept) {
            return false;
        }
        // evictIf walks the map without that lock and may pass the key just before the store.
        if (generation.get() != stamp) {
            entries.asMap().remove(key, entry);
            return false;
        }
        return true;
    }

    public void evict(K key) {
        generation.incrementAndGet();
        entries.invalidate(key);
    }

    public void evictAll(Iterable<? extends K> keys) {
        generation.incrementAndGet();
        entries.invalidateAll(keys);
    }

    /** Evicts the values that match, for when the key cannot be told from what changed. */
    public void evictIf(Predicate<? super V> which) {
        generation.incrementAndGet();
        entries.asMap().forEach((key, entry) -> {
            if (which.test(entry.value())) {
                entries.asMap().remove(key, entry);
            }
        });
    }

    public void clear() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Hits, misses and evictions since the start, for a metrics binder (Micrometer's FunctionCounters, say). */
    public CacheStats stats() {
        return entries.stats();
    }

    /** Entries held, roughly: expired or surplus ones may still be counted until the next clean-up. */
    public long estimatedSize() {
        return entries.estimatedSize();
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

    /** Entries held, once expired and surplus ones are gone. */
    int size() {
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }

    /** The sizes of the entries held, as the builder's {@code maxSize} measures them. */
    long sizeHeld() {
        entries.cleanUp();
        return entries.asMap().values().stream().mapToLong(Entry::size).sum();
    }

    private static long epochNanos(Clock clock) {
        return epochNanos(clock.instant());
    }

    /** Nanoseconds since the epoch, which a long holds until 2262. */
    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
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
        private @Nullable ToLongFunction<? super V> sizeOf;
        private long maxSize = Long.MAX_VALUE;
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

        /** At most this many entries are kept (10,000 unless set); past it, the least used go first. */
        public Builder<K, V> maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * At most this total size of entries is kept, as {@code sizeOf} measures each (e.g. its
         * bytes); an entry larger than the whole is never kept. For values whose sizes vary widely,
         * where a count alone would not bound the memory.
         */
        public Builder<K, V> maxSize(long maxSize, ToLongFunction<? super V> sizeOf) {
            if (maxSize < 1) {
                throw new IllegalArgumentException("a cache holds at least one byte, not " + maxSize);
            }
            this.maxSize = maxSize;
            this.sizeOf = sizeOf;
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
