package news.cms.core.search.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
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
 * How far the search index is behind PostgreSQL: the age of the oldest article event that {@link
 * ArticleIndexer} has not completed (0 when it is caught up). Read from the outbox, so it grows
 * while the engine is down, when no indexing happens to be timed. Sampled, never on a scrape.
 */
@Component
@ConditionalOnBooleanProperty(name = "cms.metrics.sampling-enabled", matchIfMissing = true)
class IndexLag {

    private static final Logger log = LoggerFactory.getLogger(IndexLag.class);

    /** Spring Modulith names a listener by its method: the indexer's begins with its class name. */
    private static final String LISTENER = ArticleIndexer.class.getName() + ".%";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);

    IndexLag(JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("cms.search.index.lag", lagSeconds, AtomicReference::get)
                .description("Age of the oldest article change not yet in the search index; 0 when caught up")
                .baseUnit("seconds")
                .register(Meters.registry(registry));
    }

    @Scheduled(fixedDelayString = "${cms.metrics.sample-interval:15s}", initialDelay = 0)
    void sample() {
        try {
            Timestamp oldest = jdbc.sql("select min(publication_date) from event_publication"
                            + " where completion_date is null and listener_id like ?")
                    .param(LISTENER)
                    .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                    .single() // min() of no rows is one row holding null
                    .orElse(null);
            lagSeconds.set(Meters.ageSeconds(oldest, clock));
        } catch (RuntimeException e) {
            log.debug("index lag sample failed: {}", e.toString());
        }
    }
}
