package news.cms.core.comment.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
 * The moderators' backlog: pending comments by language, and the age of the oldest. Sampled on a
 * schedule (never on a scrape). The language tag is the primary subtag of what readers sent, so
 * at most {@value #MAX_LANGUAGES} languages get a series of their own and the rest count as
 * {@code other}: a reader cannot mint series.
 */
@Component
@ConditionalOnBooleanProperty(name = "cms.metrics.sampling-enabled", matchIfMissing = true)
class CommentBacklog {

    private static final Logger log = LoggerFactory.getLogger(CommentBacklog.class);

    static final int MAX_LANGUAGES = 12;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MultiGauge pending;
    private final AtomicReference<Double> oldestAgeSeconds = new AtomicReference<>(0.0);
    /** One holder per language with a series, reused across samples; see {@link #sample()}. */
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    CommentBacklog(JdbcClient jdbc, Clock clock, ObjectProvider<MeterRegistry> registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        MeterRegistry meters = Meters.registry(registry);
        this.pending = MultiGauge.builder("cms.comments.pending")
                .description("Comments waiting for a moderator, by language")
                .register(meters);
        Gauge.builder("cms.comments.pending.oldest.age", oldestAgeSeconds, AtomicReference::get)
                .description("Age of the oldest comment waiting for a moderator; 0 when none waits")
                .baseUnit("seconds")
                .register(meters);
        pending.register(List.of(row("other", 0)));
    }

    @Scheduled(fixedDelayString = "${cms.metrics.sample-interval:15s}", initialDelay = 0)
    void sample() {
        try {
            Map<String, Long> byLanguage = new TreeMap<>();
            jdbc.sql("select split_part(lower(language), '-', 1) as primary_language, count(*) as n from comment"
                            + " where state = 'PENDING' group by 1 order by 2 desc")
                    .query((rs, n) -> {
                        String language = n < MAX_LANGUAGES ? primary(rs.getString(1)) : "other";
                        byLanguage.merge(language, rs.getLong(2), Long::sum);
                        return null;
                    })
                    .list();
            byLanguage.putIfAbsent("other", 0L);
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            byLanguage.forEach((language, count) -> rows.add(row(language, count)));
            // Not overwriting: a series that stays keeps its meter and only its holder changes, so a scrape
            // never falls into a remove-then-register gap (overwriting once dropped cms_comments_pending from
            // a scrape). A language whose backlog is gone is absent from rows and so is removed.
            pending.register(rows, false);
            counts.keySet().retainAll(byLanguage.keySet());
            Timestamp oldest = jdbc.sql("select min(created_at) from comment where state = 'PENDING'")
                    .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                    .single() // min() of no rows is one row holding null
                    .orElse(null);
            oldestAgeSeconds.set(Meters.ageSeconds(oldest, clock));
        } catch (RuntimeException e) {
            log.debug("comment backlog sample failed: {}", e.toString());
        }
    }

    private MultiGauge.Row<AtomicLong> row(String language, long count) {
        AtomicLong holder = counts.computeIfAbsent(language, l -> new AtomicLong());
        holder.set(count);
        return MultiGauge.Row.of(Tags.of("language", language), holder, AtomicLong::get);
    }

    /** A stored language's primary subtag, letters only (stored tags are valid BCP 47; this is belt and braces). */
    private static String primary(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,8}") ? primary : "other";
    }
}
