package news.cms.core.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-bucket limits by the generic cell rate algorithm (GCRA): a bucket is one number, the time at
 * which it would be full again, so a check is one compare-and-set and needs no lock. A full bucket
 * lets {@link Rate#burst()} requests through at once; after that they pass at the steady rate.
 *
 * <p>Memory is bounded: past {@code maxBuckets}, buckets that are full again are dropped (they hold
 * nothing a new bucket would not). Per JVM, not shared between app instances.
 */
public final class RateLimiter {

    /** Buckets kept before full ones are dropped, unless the constructor names another number. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    /** Marks a bucket that eviction took out of the map; a taker holding it looks the key up again. */
    private static final long EVICTED = Long.MIN_VALUE;

    /**
     * How much a bucket holds and how fast it refills.
     *
     * @param burst requests a full bucket lets through at once, 1 to {@value #MAX_BURST}
     * @param perMinute and then requests a minute, at least 1
     */
    public record Rate(int burst, int perMinute) {

        public static final int MAX_BURST = 100_000_000;

        public Rate {
            if (burst < 1 || burst > MAX_BURST || perMinute < 1) {
                throw new IllegalArgumentException("a rate needs a burst of 1 to " + MAX_BURST
                        + " and at least 1 a minute, not " + burst + " and " + perMinute);
            }
        }

        /** A minute's quota, which may be spent at once. */
        public static Rate perMinute(int perMinute) {
            return new Rate(perMinute, perMinute);
        }

        long intervalNanos() {
            return MINUTE / perMinute;
        }

        /** How far ahead of now a bucket may be full again: a burst's worth of the rate. */
        long capacityNanos() {
            return burst * MINUTE / perMinute; // burst <= MAX_BURST, so no overflow
        }
    }

    /**
     * The answer to one request.
     *
     * @param allowed whether it may go ahead
     * @param limit the bucket's burst: what a full bucket allows at once
     * @param remaining requests the bucket would allow right after this one, at once
     * @param reset how long until the bucket is full again
     * @param retryAfter zero when allowed, else how long until one request would be
     */
    public record Decision(boolean allowed, int limit, int remaining, Duration reset, Duration retryAfter) {}

    private final ConcurrentHashMap<String, AtomicLong> fullAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private final int maxBuckets;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public RateLimiter(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_MAX_BUCKETS);
    }

    public RateLimiter(LongSupplier nanoTime, int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("at least one bucket, not " + maxBuckets);
        }
        this.nanoTime = nanoTime;
        this.maxBuckets = maxBuckets;
    }

    /** Counts one request against the bucket {@code key}, which holds and refills as {@code rate} says. */
    public Decision take(String key, Rate rate) {
        long now = nanoTime.getAsLong();
        long interval = rate.intervalNanos();
        long capacity = rate.capacityNanos();
        if (fullAt.size() > maxBuckets) {
            fullAt.values().removeIf(bucket -> retireIfFull(bucket, now));
        }
        while (true) {
            AtomicLong bucket = fullAt.computeIfAbsent(key, k -> new AtomicLong(now));
            long current = bucket.get();
            if (current == EVICTED) {
                fullAt.remove(key, bucket);
                continue;
            }
            long busyUntil = current - now > 0 ? current : now;
            long next = busyUntil + interval;
            if (next - now > capacity) {
                return new Decision(
                        false,
                        rate.burst(),
                        0,
                        Duration.ofNanos(busyUntil - now),
                        Duration.ofNanos(next - now - capacity));
            }
            if (bucket.compareAndSet(current, next)) {
                int remaining = (int) ((capacity - (next - now)) / interval);
                return new Decision(true, rate.burst(), remaining, Duration.ofNanos(next - now), Duration.ZERO);
            }
        }
    }

    /** Buckets held now (tests watch eviction with it). */
    int size() {
        return fullAt.size();
    }

    /** Marks a bucket that is full again as evicted, so no taker can still spend from it. */
    private static boolean retireIfFull(AtomicLong bucket, long now) {
        while (true) {
            long current = bucket.get();
            if (current == EVICTED) {
                return true;
            }
            if (current - now > 0) {
                return false;
            }
            if (bucket.compareAndSet(current, EVICTED)) {
                return true;
            }
        }
    }
}
