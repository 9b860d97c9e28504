package news.cms.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-bucket limits by the generic cell rate algorithm (GCRA): a bucket is one number, the time at
 * which it would be full again, so a check is one compare-and-set of one number. A full bucket lets
 * {@link Rate#burst()} requests through at once; after that they pass at the steady rate.
 *
 * <p>Memory is bounded whatever the callers send: a bucket expires when it is full again (it then
 * holds nothing a new bucket would not), and past {@code maxBuckets} Caffeine's W-TinyLFU policy
 * drops the buckets least worth keeping, so a flood of distinct keys costs each request O(1) and
 * leaves the frequently used buckets (the flooder's own among them) in place. A dropped bucket that
 * was not full lets its key start afresh: the price of the bound, paid by keys seen once or twice.
 * Per JVM, not shared between app instances (see docs/adr/0015).
 *
 * <p>A request only reads the cache: the bucket is a mutable number in it, updated by
 * compare-and-set, so the many requests of one busy client never queue on the cache's write path
 * (its map's lock on the entry and its write buffer), which they did when each request replaced
 * the entry (JFR of bench/public-api's cached article: 7.0 % of the CPU in the limiter before, 5.3 %
 * after; most of what is left is the cache's read bookkeeping). Each read sets the entry's expiry
 * to when the bucket would be full again after one more request: the most that request can spend.
 */
public final class RateLimiter {

    /** Buckets kept before full ones are dropped, unless the constructor names another number. */
    public static final int DEFAULT_MAX_BUCKETS = 100_000;

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

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

    /** Per key, its bucket; gone once it is full again. */
    private final Cache<String, Bucket> buckets;

    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests */
    public RateLimiter(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_MAX_BUCKETS);
    }

    public RateLimiter(LongSupplier nanoTime, int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("at least one bucket, not " + maxBuckets);
        }
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(new Expiry<String, Bucket>() {
                    @Override
                    public long expireAfterCreate(String key, Bucket bucket, long now) {
                        return bucket.keepFor(now);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Bucket bucket, long now, long left) {
                        return bucket.keepFor(now);
                    }

                    @Override
                    public long expireAfterRead(String key, Bucket bucket, long now, long left) {
                        return bucket.keepFor(now);
                    }
                })
                .ticker(nanoTime::getAsLong)
                .build();
    }

    /**
     * One key's bucket: the {@code nanoTime} at which it is full again (a time already passed when it
     * is full), and the interval of the rate it was last asked with.
     */
    private static final class Bucket {

        final AtomicLong fullAt;
        volatile long interval;

        Bucket(long now, long interval) {
            this.fullAt = new AtomicLong(now);
            this.interval = interval;
        }

        /** Until it would be full again after one more request, which it may be about to count. */
        long keepFor(long now) {
            return Math.max(0, fullAt.get() - now) + interval;
        }
    }

    /** Counts one request against the bucket {@code key}, which holds and refills as {@code rate} says. */
    public Decision take(String key, Rate rate) {
        long interval = rate.intervalNanos();
        long capacity = rate.capacityNanos();
        Bucket bucket = buckets.get(key, k -> new Bucket(nanoTime.getAsLong(), interval));
        if (bucket.interval != interval) {
            bucket.interval = interval; // the key's rate changed; written only then (one cache line, many threads)
        }
        while (true) {
            long now = nanoTime.getAsLong();
            long current = bucket.fullAt.get();
            long busyUntil = current - now > 0 ? current : now;
            long next = busyUntil + interval;
            if (next - now > capacity) {
                // Refused: nothing spent.
                return new Decision(
                        false,
                        rate.burst(),
                        0,
                        Duration.ofNanos(busyUntil - now),
                        Duration.ofNanos(next - now - capacity));
            }
            if (bucket.fullAt.compareAndSet(current, next)) {
                int remaining = (int) ((capacity - (next - now)) / interval);
                return new Decision(true, rate.burst(), remaining, Duration.ofNanos(next - now), Duration.ZERO);
            }
        }
    }

    /**
     * The bucket name for a client's address: an IPv4 address whole, an IPv6 address by its /64,
     * because one IPv6 subscriber gets a whole /64 and may pick a new address in it for every
     * request. The address is the connection's, or the one a trusted proxy named (never a header a
     * client sets itself); anything that is not an IPv6 literal is returned as it is.
     */
    public static String addressBucket(String remoteAddress) {
        int zone = remoteAddress.indexOf('%');
        String literal = zone >= 0 ? remoteAddress.substring(0, zone) : remoteAddress;
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            // With a colon it is parsed as an IPv6 literal, never looked up as a name.
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(address.getAddress(), 8)) + "::/64";
            }
            return address.getHostAddress(); // an IPv4-mapped IPv6 address is its IPv4 address
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    /** Buckets held now, once expired and surplus ones are gone (tests watch the bound with it). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
