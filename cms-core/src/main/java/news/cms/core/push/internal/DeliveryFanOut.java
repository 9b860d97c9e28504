package news.cms.core.push.internal;

import java.time.Clock;
import news.cms.core.feed.FeedEntryRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the deliveries of a feed entry in the entry's own transaction: they commit or roll back
 * with it, so a delivery exists exactly when its entry does, and they are numbered by the feed's
 * sequence (docs/adr/0004). After the commit the local worker is woken; other instances poll.
 */
@Component
class DeliveryFanOut {

    private final DeliveryRepository deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;

    DeliveryFanOut(DeliveryRepository deliveries, DeliveryWorker worker, Clock clock) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(FeedEntryRecorded recorded) {
        if (deliveries.fanOut(recorded.entry(), clock.instant()) > 0) {
            worker.wakeAfterCommit();
        }
    }
}
