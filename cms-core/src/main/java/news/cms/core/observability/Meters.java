package news.cms.core.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Small helpers for meters kept by the domain. */
public final class Meters {

    private Meters() {}

    /** The app's registry; a private one where none exists (cms-core's own tests run without actuator). */
    public static MeterRegistry registry(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    /**
     * Tells {@code committed} whether the current transaction committed, once it has ended; at once
     * (true) outside a transaction. A meter counts what happened, not what was attempted and rolled back.
     */
    public static void afterCompletion(Consumer<Boolean> committed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            committed.accept(true);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                committed.accept(status == STATUS_COMMITTED);
            }
        });
    }

    /**
     * A cache's look-ups as {@code cache.gets{cache, result=hit|miss}}, the names Micrometer's own
     * cache binders (Caffeine's among them) use, so one dashboard query reads every cache.
     */
    public static void bindCacheGets(MeterRegistry registry, String cache, LongAdder hits, LongAdder misses) {
        FunctionCounter.builder("cache.gets", hits, LongAdder::sum)
                .description("Cache look-ups that found an entry")
                .tags("cache", cache, "result", "hit")
                .register(registry);
        FunctionCounter.builder("cache.gets", misses, LongAdder::sum)
                .description("Cache look-ups that found nothing")
                .tags("cache", cache, "result", "miss")
                .register(registry);
    }

    /** An enum constant as a tag value: {@code REQUEST_CHANGES} becomes {@code request-changes}. */
    /**
     * How old the oldest waiting thing is, in seconds, for an "oldest age" gauge: 0 when nothing
     * waits ({@code oldest} is what {@code min()} of no rows gives) and never below 0 when the
     * database's clock runs ahead of the app's.
     */
    public static double ageSeconds(@Nullable Timestamp oldest, Clock clock) {
        return oldest == null
                ? 0.0
                : Math.max(
                        0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    public static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
