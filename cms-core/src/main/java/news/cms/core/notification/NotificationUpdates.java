package news.cms.core.notification;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import news.cms.core.account.CurrentUser;
import news.cms.core.notice.ChangeNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Live word that a user's notifications changed, in any app's JVM: the database's change notice
 * names the recipient (V15), and each subscriber of that user is called on the notice thread. A
 * subscriber hands the work to its own thread (a UI's {@code access}) and returns at once.
 */
@Component
public class NotificationUpdates {

    private static final Logger log = LoggerFactory.getLogger(NotificationUpdates.class);
    static final String TABLE = "notification";

    private final Map<String, Set<Runnable>> subscribers = new ConcurrentHashMap<>();

    /**
     * Calls {@code onChange} whenever the signed-in user's notifications change, until the
     * registration is closed.
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')")
    public Registration subscribe(Runnable onChange) {
        String username = CurrentUser.get().name();
        subscribers.computeIfAbsent(username, u -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> subscribers.computeIfPresent(username, (u, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @EventListener
    void on(ChangeNotice notice) {
        if (notice.affectsAll(TABLE)) {
            subscribers.values().forEach(set -> set.forEach(NotificationUpdates::call));
        } else if (TABLE.equals(notice.table()) && notice.id() != null) {
            subscribers.getOrDefault(notice.id(), Set.of()).forEach(NotificationUpdates::call);
        }
    }

    private static void call(Runnable subscriber) {
        try {
            subscriber.run();
        } catch (RuntimeException e) {
            log.warn("a notification subscriber failed: {}", e.toString());
        }
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
