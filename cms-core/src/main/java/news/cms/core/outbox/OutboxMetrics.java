package news.cms.core.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import news.cms.core.observability.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How much work the outbox holds: the events whose listener has not completed, and the age of the
 * oldest. Sampled on a schedule, so a scrape never waits for the database (a frozen database leaves
 * the last sample, and its own alerts); every app reports the same shared table, so a dashboard
 * takes the max over instances.
 */
@Component
@ConditionalOnBooleanProperty(name = "cms.metrics.sampling-enabled", matchIfMissing = true)
class OutboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private record Sample(long depth, double oldestAgeSeconds) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Sample> last = new AtomicReference<>(new Sample(0, 0));

    OutboxMetrics(JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        MeterRegistry meters = Meters.registry(registry);
        Gauge.builder("cms.outbox.depth", last, s -> s.get().depth())
                .description("Outbox events not yet delivered to every listener")
                .register(meters);
        Gauge.builder("cms.outbox.oldest.age", last, s -> s.get().oldestAgeSeconds())
                .description("Age of the oldest outbox event not yet delivered; 0 when none waits")
                .baseUnit("seconds")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${cms.metrics.sample-interval:15s}", initialDelay = 0)
    void sample() {
        try {
            last.set(jdbc.sql("select count(*) as depth, min(publication_date) as oldest from event_publication"
                            + " where completion_date is null")
                    .query((rs, n) -> {
                        return new Sample(rs.getLong("depth"), Meters.ageSeconds(rs.getTimestamp("oldest"), clock));
                    })
                    .single());
        } catch (RuntimeException e) {
            log.debug("outbox sample failed: {}", e.toString());
        }
    }
}
