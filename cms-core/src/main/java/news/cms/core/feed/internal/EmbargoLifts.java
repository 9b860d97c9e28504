package news.cms.core.feed.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import news.cms.core.article.ArticleProperties;
import news.cms.core.feed.FeedAction;
import news.cms.core.feed.FeedEntry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends an {@link FeedAction#EMBARGO_LIFTED} entry when a live story's embargo runs out, so that
 * partners without the embargo scope, who polled past its publication while they could not read
 * it, get the story. Nothing else marks the moment: no one acts, time just passes. Runs where the
 * scheduler runs, once per story however many instances do ({@code FOR UPDATE SKIP LOCKED}, and the
 * entry itself ends the condition).
 */
@Component
public class EmbargoLifts {

    private final FeedRepository feed;
    private final TransactionTemplate transactions;
    private final ArticleProperties properties;
    private final Clock clock;

    EmbargoLifts(FeedRepository feed, TransactionTemplate transactions, ArticleProperties properties, Clock clock) {
        this.feed = feed;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cms.articles.scheduler-interval:1s}")
    void recordDue() {
        if (properties.schedulerEnabled()) {
            recordAllDue();
        }
    }

    /** Records every embargo that has ended; the number recorded. */
    public int recordAllDue() {
        int recorded = 0;
        while (Boolean.TRUE.equals(transactions.execute(tx -> recordNext()))) {
            recorded++;
        }
        return recorded;
    }

    private boolean recordNext() {
        Instant now = clock.instant();
        Optional<FeedRepository.Lifted> lifted = feed.lockNextLiftedEmbargo(now);
        lifted.ifPresent(l -> feed.append(new FeedEntry(
                feed.nextSequence(),
                l.articleId(),
                FeedAction.EMBARGO_LIFTED,
                l.version(),
                l.publicVersion(),
                l.language(),
                now,
                null)));
        return lifted.isPresent();
    }
}
