package news.cms.core.article;

import java.time.Clock;
import java.util.Optional;
import news.cms.core.article.internal.ArticleRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts scheduled articles live when their time comes, exactly once: each due article is taken
 * with {@code FOR UPDATE SKIP LOCKED} and goes live in the same transaction, so another instance
 * (or this one after a restart) never publishes it again.
 */
@Component
class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ArticleRepository articles;
    private final ArticleService service;
    private final TransactionTemplate transactions;
    private final ArticleProperties properties;
    private final Clock clock;
    /** Set when the app starts to shut down: the article in hand finishes, no further one is taken. */
    private volatile boolean closing;

    ScheduledPublisher(
            ArticleRepository articles,
            ArticleService service,
            TransactionTemplate transactions,
            ArticleProperties properties,
            Clock clock) {
        this.articles = articles;
        this.service = service;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cms.articles.scheduler-interval:1s}")
    void publishDue() {
        if (properties.schedulerEnabled()) {
            while (!closing && publishNextDue()) {
                // one article per transaction, until none is due or the app is closing
            }
        }
    }

    /**
     * Each article goes live in a transaction of its own with its outbox event, so stopping between
     * two leaves nothing half done; the rest go live at the next start (or on another instance).
     */
    @EventListener(ContextClosedEvent.class)
    void stopTakingWork() {
        closing = true;
    }

    /** Publishes one due article; false when none is due (or all due ones are being published). */
    boolean publishNextDue() {
        Optional<Article> published =
                transactions.execute(tx -> articles.lockNextDue(clock.instant()).map(service::goLive));
        published.ifPresent(a -> log.info("scheduled article {} went live (version {})", a.id(), a.version()));
        return published != null && published.isPresent();
    }
}
