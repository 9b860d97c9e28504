package news.cms.moderation.intake;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key: {@code burst} tokens, refilled at {@code perMinute}. Per
 * instance, not shared between app instances; enough to stop floods at one node.
 */
final class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final long capacityNanos;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int burst, int perMinute, LongSupplier nanoTime) {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a bucket needs a burst and a rate of at least 1");
        }
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / perMinute;
        this.capacityNanos = nanosPerToken * burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one token for the key.
     *
     * @return {@link Duration#ZERO} when taken, else how long until a token is free
     */
    Duration take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            // Full buckets hold no state worth keeping.
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now - capacityNanos))
                .take(now);
    }

    /** Tokens are kept as the time the bucket was last empty: full once that is capacity ago. */
    private final class Bucket {

        private long emptyAt;

        Bucket(long emptyAt) {
            this.emptyAt = emptyAt;
        }

        synchronized Duration take(long now) {
            long start = Math.max(emptyAt, now - capacityNanos);
            long next = start + nanosPerToken;
            if (next > now) {
                return Duration.ofNanos(next - now);
            }
            emptyAt = next;
            return Duration.ZERO;
        }

        synchronized boolean isFull(long now) {
            return now - emptyAt >= capacityNanos;
        }
    }
}
