package news.cms.core.article;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import news.cms.core.article.internal.ArticleRepository;
import news.cms.core.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edit locks: opening an article for editing takes its lock, the editor heartbeats while open, and
 * the lock lapses when the heartbeats stop. An editor may break someone else's lock (audited).
 */
@Service
public class ArticleLocks {

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final ArticleProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ArticleLocks(
            ArticleRepository articles,
            AuditLog audit,
            ArticleProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.articles = articles;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Takes the lock, or renews it when the caller holds it already (the heartbeat).
     *
     * @throws LockHeld when someone else holds a live lock
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public EditLock acquire(ArticleId id) {
        String me = ArticleService.currentActor().name();
        Instant now = clock.instant();
        if (articles.find(id).isEmpty()) {
            throw new ArticleNotFound(id);
        }
        return articles.tryLock(id, me, now, now.plus(properties.lockTtl()))
                .orElseThrow(() -> new LockHeld(articles.lock(id).orElseThrow()));
    }

    /** Renews the caller's lock; the editor calls it while the article stays open. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public EditLock heartbeat(ArticleId id) {
        return acquire(id);
    }

    /** Gives the caller's lock up; does nothing when the caller does not hold it. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public void release(ArticleId id) {
        articles.unlock(id, ArticleService.currentActor().name());
    }

    /** Removes whoever's lock there is; the previous holder's next save or heartbeat will say so. */
    @PreAuthorize("hasRole('EDITOR')")
    @Transactional
    public void breakLock(ArticleId id) {
        Optional<EditLock> held = articles.lock(id);
        articles.unlockAny(id);
        String me = ArticleService.currentActor().name();
        held.ifPresent(l -> {
            audit.record(
                    me,
                    "article.lock-break",
                    "article",
                    id.toString(),
                    Map.of("holder", l.holder(), "since", l.acquiredAt().toString()));
            events.publishEvent(new LockBroken(id, l.holder(), l.acquiredAt(), me, clock.instant()));
        });
    }

    /** The live lock of the article, if anyone holds one. */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<EditLock> current(ArticleId id) {
        Instant now = clock.instant();
        return articles.lock(id).filter(l -> l.isLiveAt(now));
    }
}
