package news.cms.core.notification.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleId;
import news.cms.core.article.LockBroken;
import news.cms.core.budget.PlannedItemAssigned;
import news.cms.core.note.NoteAdded;
import news.cms.core.notification.NotificationKind;
import news.cms.core.push.SubscriptionDisabled;
import news.cms.core.translation.TranslationChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events from the outbox into notifications, after their command committed. Each
 * event has a key of its own (the article version it left, the note, the lock), and a (key,
 * recipient) pair is stored once: an event delivered again tells nobody twice. The actor is never
 * told of their own act.
 */
@Component
class NotificationRecorder {

    private final NotificationRepository notifications;

    NotificationRecorder(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(ArticleChanged changed) {
        NotificationKind kind = switch (changed.action()) {
            case REQUEST_CHANGES -> NotificationKind.RETURNED;
            case APPROVE -> NotificationKind.APPROVED;
            case PUBLISH, GO_LIVE -> NotificationKind.PUBLISHED;
            case CORRECT -> NotificationKind.CORRECTED;
            case KILL -> NotificationKind.KILLED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        tell(
                changed.authors(),
                kind,
                changed.articleId(),
                changed.actor(),
                "article:" + changed.articleId() + ":" + changed.version(),
                changed.at());
    }

    @ApplicationModuleListener
    void on(NoteAdded added) {
        tell(
                added.mentioned(),
                NotificationKind.MENTIONED,
                added.articleId(),
                added.author(),
                "note:" + added.noteId(),
                added.at());
    }

    @ApplicationModuleListener
    void on(LockBroken broken) {
        tell(
                Set.of(broken.holder()),
                NotificationKind.LOCK_BROKEN,
                broken.articleId(),
                broken.brokenBy(),
                "lock:" + broken.articleId() + ":" + broken.acquiredAt(),
                broken.at());
    }

    @ApplicationModuleListener
    void on(TranslationChanged changed) {
        if (changed.kind() != TranslationChanged.Kind.STALE) {
            return;
        }
        tell(
                changed.authors(),
                NotificationKind.TRANSLATION_STALE,
                changed.articleId(),
                changed.actor(),
                "stale:" + changed.articleId() + ":" + changed.at(),
                changed.at());
    }

    @ApplicationModuleListener
    void on(PlannedItemAssigned assigned) {
        Set<String> told = new LinkedHashSet<>(Set.of(assigned.assignee()));
        told.remove(assigned.actor());
        if (!told.isEmpty()) {
            notifications.insert(
                    told,
                    NotificationKind.ASSIGNED,
                    assigned.id(),
                    assigned.actor(),
                    "planned:" + assigned.id() + ":" + assigned.version(),
                    assigned.at());
        }
    }

    /** Every admin, once per disabling (its time is in the key: disabled again later tells again). */
    @ApplicationModuleListener
    void on(SubscriptionDisabled disabled) {
        notifications.insertForAdmins(
                disabled.cause() == SubscriptionDisabled.Cause.GONE
                        ? NotificationKind.PUSH_GONE
                        : NotificationKind.PUSH_FAILING,
                disabled.subscription(),
                disabled.name(),
                "push-worker",
                "push:" + disabled.subscription() + ":" + disabled.at(),
                disabled.at());
    }

    private void tell(
            Set<String> recipients,
            NotificationKind kind,
            ArticleId article,
            @Nullable String actor,
            String eventKey,
            Instant at) {
        Set<String> told = new LinkedHashSet<>(recipients);
        String who = actor == null ? "" : actor;
        told.remove(who);
        if (!told.isEmpty()) {
            notifications.insert(told, kind, article, who, eventKey, at);
        }
    }
}
