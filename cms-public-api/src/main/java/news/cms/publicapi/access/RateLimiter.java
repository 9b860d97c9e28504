package news.cms.publicapi.access;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-bucket limits of N requests a minute, by the generic cell rate algorithm: each bucket keeps
 * one number, the time at which it would be full again, so a check is one compare-and-set. A
 * whole minute's quota may be spent at once; after that requests are let through at the steady rate.
 */
final class RateLimiter {

    private static final long WINDOW = Duration.ofMinutes(1).toNanos();
    private static final int MAX_BUCKETS = 100_000;

    /**
     * @param retryAfter zero when allowed, else how long until one request would be
     * @param reset how long until the full quota is back
     */
    record Decision(boolean allowed, int limit, int remaining, Duration reset, Duration retryAfter) {}

    private final ConcurrentHashMap<String, AtomicLong> fullAt = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    Decision take(String name, int perMinute) {
        long now = nanoTime.getAsLong();
        long interval = WINDOW / perMinute;
        if (fullAt.size() > MAX_BUCKETS) {
            fullAt.values().removeIf(t -> t.get() <= now); // a full bucket holds nothing worth keeping
        }
        AtomicLong bucket = fullAt.computeIfAbsent(name, b -> new AtomicLong(now));
        while (true) {
            long current = bucket.get();
            long next = Math.max(current, now) + interval;
            if (next - now > WINDOW) {
                long busy = Math.max(current, now) - now;
                return new Decision(false, perMinute, 0, Duration.ofNanos(busy), Duration.ofNanos(next - now - WINDOW));
            }
            if (bucket.compareAndSet(current, next)) {
                int remaining = (int) ((WINDOW - (next - now)) / interval);
                return new Decision(true, perMinute, remaining, Duration.ofNanos(next - now), Duration.ZERO);
            }
        }
    }
}
