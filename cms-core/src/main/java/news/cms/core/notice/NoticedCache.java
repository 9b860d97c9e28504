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
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An in-memory cache that {@link ChangeNotice}s empty: it watches one or more tables, and a notice
 * for one of their rows evicts the keys that row maps to (or, without such a mapping, everything);
 * a notice for a whole table, or {@link ChangeNotice#everything()}, empties it. An entry may be
 * kept until a given instant, and past a cap on entries or on their total size the cache starts
 * afresh.
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

    private record Entry<V>(V value, @Nullable Instant expires, long size) {}

    private final Set<String> tables;
    private final @Nullable Function<String, ? extends Iterable<? extends K>> keysOfRow;
    private final @Nullable BiPredicate<String, ? super V> heldFromRow;
    private final int maxEntries;
    private final @Nullable ToLongFunction<? super V> sizeOf;
    private final long maxSize;
    private final Clock clock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Moved on before every eviction; a load that began in an older generation is not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** The sizes of the entries held, kept exact: added where an entry goes in, taken where it comes out. */
    private final AtomicLong size = new AtomicLong();

    private NoticedCache(Builder<K, V> builder) {
        this.tables = Set.copyOf(builder.tables);
        this.keysOfRow = builder.keysOfRow;
        this.heldFromRow = builder.heldFromRow;
        this.maxEntries = builder.maxEntries;
        this.sizeOf = builder.sizeOf;
        this.maxSize = builder.maxSize;
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
            remove(key, entry);
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
        long bytes = sizeOf == null ? 0 : sizeOf.applyAsLong(value);
        if (bytes > maxSize) {
            return false; // larger than the whole cache may be: served, never kept
        }
        Entry<V> current = entries.get(key); // a replacement frees what it replaces
        long freed = current == null ? 0 : current.size();
        if ((current == null && entries.size() >= maxEntries) || size.get() - freed + bytes > maxSize) {
            removeAll(); // crude, but bounded; a full cache refills from the hot keys first
        }
        Entry<V> entry = new Entry<>(value, expires, bytes);
        // The check and the store are one step under the key's lock, which evict and clear take too.
        boolean kept = entry
                == entries.compute(key, (k, old) -> {
                    if (generation.get() != stamp) {
                        return old;
                    }
                    size.addAndGet(bytes - (old == null ? 0 : old.size()));
                    return entry;
                });
        if (!kept) {
            return false;
        }
        // evictIf walks the map without that lock and may pass the key just before the store.
        if (generation.get() != stamp) {
            remove(key, entry);
            return false;
        }
        return true;
    }

    public void evict(K key) {
        generation.incrementAndGet();
        remove(key);
    }

    public void evictAll(Iterable<? extends K> keys) {
        generation.incrementAndGet();
        for (K key : keys) {
            remove(key);
        }
    }

    /** Evicts the values that match, for when the key cannot be told from what changed. */
    public void evictIf(Predicate<? super V> which) {
        generation.incrementAndGet();
        entries.forEach((key, entry) -> {
            if (which.test(entry.value())) {
                remove(key, entry);
            }
        });
    }

    public void clear() {
        generation.incrementAndGet();
        removeAll();
    }

    private void remove(K key) {
        Entry<V> gone = entries.remove(key);
        if (gone != null) {
            size.addAndGet(-gone.size());
        }
    }

    private void remove(K key, Entry<V> entry) {
        if (entries.remove(key, entry)) {
            size.addAndGet(-entry.size());
        }
    }

    private void removeAll() {
        for (K key : entries.keySet()) {
            remove(key);
        }
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

    /** The sizes of the entries held, as the builder's {@code maxSize} measures them. */
    long sizeHeld() {
        return size.get();
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

        /** Past this many entries the cache is emptied before the next one is kept (10,000 unless set). */
        public Builder<K, V> maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * Past this total size of entries, as {@code sizeOf} measures each (e.g. its bytes), the
         * cache is emptied before the next one is kept; an entry larger than the whole is never kept.
         * For values whose sizes vary widely, where a count alone would not bound the memory.
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
