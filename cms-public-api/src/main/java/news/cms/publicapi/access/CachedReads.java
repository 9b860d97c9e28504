package news.cms.publicapi.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import news.cms.core.observability.Meters;
import news.cms.core.partnerkey.KeyCheck;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.publicapi.cors.ReaderCors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What every {@link CachedReadFilter} shares with the full way: the rate limits, CORS, partner keys
 * held in memory, and the {@code http.server.requests} timers a cached read records itself, since it
 * is answered in front of the observation filter that times the full way.
 */
@Component
public class CachedReads {

    /** The metric the full way's observations write (Spring's default convention). */
    static final String REQUESTS = "http.server.requests";

    final PublicApiRateLimits limits;
    final ReaderCors cors;
    private final PartnerKeyService keys;
    private final MeterRegistry meters;

    CachedReads(
            PublicApiRateLimits limits, ReaderCors cors, PartnerKeyService keys, ObjectProvider<MeterRegistry> meters) {
        this.limits = limits;
        this.cors = cors;
        this.keys = keys;
        this.meters = Meters.registry(meters);
    }

    /**
     * The valid partner key a request presents, when this instance knows it without asking the
     * database; else null, and the request goes the full way (which looks the key up, or answers 401).
     * A valid key's use is recorded as on the full way.
     */
    @Nullable
    PartnerKey knownValidKey(String presented) {
        String secret = presented.strip();
        if (keys.needsLookUp(secret)) {
            return null;
        }
        return keys.verify(secret) instanceof KeyCheck.Valid valid ? valid.key() : null;
    }

    /** The timers of one route, by status, with the tags the full way's observations give them. */
    Timers timers(String uri) {
        return new Timers(uri);
    }

    final class Timers {

        private final String uri;
        private final ConcurrentHashMap<Integer, Timer> byStatus = new ConcurrentHashMap<>();

        private Timers(String uri) {
            this.uri = uri;
        }

        void record(int status, long startedNanos) {
            Timer timer = byStatus.get(status);
            if (timer == null) {
                timer = byStatus.computeIfAbsent(status, this::timer);
            }
            timer.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        }

        private Timer timer(int status) {
            return Timer.builder(REQUESTS)
                    .tags(
                            "error",
                            "none",
                            "exception",
                            "none",
                            "method",
                            "GET",
                            "outcome",
                            outcome(status),
                            "status",
                            Integer.toString(status),
                            "uri",
                            uri)
                    .register(meters);
        }
    }

    /** As Spring's {@code DefaultServerRequestObservationConvention} names a status's class. */
    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
