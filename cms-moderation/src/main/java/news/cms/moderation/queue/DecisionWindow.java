package news.cms.moderation.queue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import news.cms.core.comment.BulkDecision;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentAlreadyDecided;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Holds each decision for the undo window before storing it. A decision in the database is final
 * (ADR 0007; the reader may be told at once), so "undo" means it was never stored: the queue hides
 * the held comments, and the decision is stored when the window ends, as the moderator who made it,
 * also if they closed the page meanwhile.
 */
@Component
@EnableConfigurationProperties(QueueProperties.class)
class DecisionWindow {

    private final TaskScheduler scheduler;
    private final CommentService comments;
    private final QueueProperties properties;
    private final Clock clock;

    DecisionWindow(TaskScheduler scheduler, CommentService comments, QueueProperties properties, Clock clock) {
        this.scheduler = scheduler;
        this.comments = comments;
        this.properties = properties;
        this.clock = clock;
    }

    /** A decision waiting for its window to end. */
    static final class Held {
        private final List<CommentId> ids;
        private final Decision decision;
        private volatile ScheduledFuture<?> future;

        private Held(List<CommentId> ids, Decision decision) {
            this.ids = List.copyOf(ids);
            this.decision = decision;
        }

        List<CommentId> ids() {
            return ids;
        }

        Decision decision() {
            return decision;
        }

        /** @return true when the decision will never be stored; false when it is being or was stored */
        boolean undo() {
            return future.cancel(false);
        }
    }

    /**
     * Stores the decision on these comments once the window has passed, as the signed-in moderator,
     * then tells {@code stored} what was stored (or {@code failed} why nothing was).
     */
    Held hold(
            List<CommentId> ids, Decision decision, Consumer<BulkDecision> stored, Consumer<RuntimeException> failed) {
        Held held = new Held(ids, decision);
        Runnable store = new DelegatingSecurityContextRunnable(
                () -> {
                    BulkDecision result;
                    try {
                        result = store(held);
                    } catch (RuntimeException e) {
                        failed.accept(e);
                        return;
                    }
                    stored.accept(result);
                },
                SecurityContextHolder.getContext());
        held.future = scheduler.schedule(store, clock.instant().plus(properties.undoWindow()));
        return held;
    }

    private BulkDecision store(Held held) {
        Decision d = held.decision();
        if (d.approves()) {
            return comments.approveAll(held.ids());
        }
        if (d.abuseKind() == null) {
            return comments.rejectAll(held.ids(), d.reason());
        }
        // The bulk call takes no abuse kind: each comment on its own, reporting the ones decided meanwhile.
        List<Comment> decided = new ArrayList<>();
        List<CommentId> skipped = new ArrayList<>();
        for (CommentId id : held.ids()) {
            try {
                decided.add(comments.reject(id, d.reason(), d.abuseKind()));
            } catch (CommentAlreadyDecided e) {
                skipped.add(id);
            }
        }
        return new BulkDecision(decided, skipped);
    }
}
