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
import java.util.function.LongSupplier;

/**
 * Per-bucket limits by the generic cell rate algorithm (GCRA): a bucket is one number, the time at
 * which it would be full again, so a check is one atomic update of one map entry. A full bucket
 * lets {@link Rate#burst()} requests through at once; after that they pass at the steady rate.
 *
 * <p>Memory is bounded whatever the callers send: a bucket expires when it is full again (it then
 * holds nothing a new bucket would not), and past {@code maxBuckets} Caffeine's W-TinyLFU policy
 * drops the buckets least worth keeping, so a flood of distinct keys costs each request O(1) and
 * leaves the frequently used buckets (the flooder's own among them) in place. A dropped bucket that
 * was not full lets its key start afresh: the price of the bound, paid by keys seen once or twice.
 * Per JVM, not shared between app instances (see docs/adr/0015).
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

    /** Per key, the {@code nanoTime} at which its bucket is full again; gone once that has passed. */
    private final Cache<String, Long> fullAt;

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
        this.fullAt = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(Expiry.<String, Long>writing((key, full) -> Duration.ofNanos(untilFull(full))))
                .ticker(nanoTime::getAsLong)
                .build();
    }

    /** Counts one request against the bucket {@code key}, which holds and refills as {@code rate} says. */
    public Decision take(String key, Rate rate) {
        long interval = rate.intervalNanos();
        long capacity = rate.capacityNanos();
        Decision[] decision = new Decision[1];
        // One atomic step per key: read the bucket, decide, and store what the decision spent.
        fullAt.asMap().compute(key, (k, current) -> {
            long now = nanoTime.getAsLong();
            long busyUntil = current != null && current - now > 0 ? current : now;
            long next = busyUntil + interval;
            if (next - now > capacity) {
                decision[0] = new Decision(
                        false,
                        rate.burst(),
                        0,
                        Duration.ofNanos(busyUntil - now),
                        Duration.ofNanos(next - now - capacity));
                return current; // refused: nothing spent (a bucket that is absent stays so)
            }
            int remaining = (int) ((capacity - (next - now)) / interval);
            decision[0] = new Decision(true, rate.burst(), remaining, Duration.ofNanos(next - now), Duration.ZERO);
            return next;
        });
        return decision[0];
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
        fullAt.cleanUp();
        return fullAt.estimatedSize();
    }

    /** How long until a bucket that is full again at {@code full} may be forgotten. */
    private long untilFull(long full) {
        return Math.max(0, full - nanoTime.getAsLong());
    }
}
