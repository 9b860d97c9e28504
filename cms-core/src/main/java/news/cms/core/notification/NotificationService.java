package news.cms.core.notification;

import java.time.Clock;
import java.util.List;
import news.cms.core.account.CurrentUser;
import news.cms.core.notification.internal.NotificationRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in staff member's own notifications: nobody reads or marks another's. */
@Service
public class NotificationService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    public static final int MAX_LIMIT = 200;

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Mine, newest first. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Notification> mine(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return notifications.of(CurrentUser.get().name(), limit);
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public int unreadCount() {
        return notifications.unread(CurrentUser.get().name());
    }

    /** Marks one of mine read; someone else's id, or one read already, changes nothing. */
    @PreAuthorize(STAFF)
    @Transactional
    public boolean markRead(long id) {
        return notifications.markRead(CurrentUser.get().name(), id, clock.instant());
    }

    @PreAuthorize(STAFF)
    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(CurrentUser.get().name(), clock.instant());
    }
}
