package news.cms.core.notice;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * Live word that rows of a table changed, in any app's JVM, for screens that show them (the desk,
 * a story's page, the moderation queue): the database's change notices (V5, V26) reach every app,
 * and each subscriber of the table is told the row's id. Subscribers are called on the one thread
 * that hears the notices: they must hand their work to another thread (a UI's {@code access} from a
 * thread of their own) and return at once, never wait. Only ids travel, never the rows.
 */
@Component
public class LiveChanges {

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private record Subscriber(String table, Consumer<@Nullable String> onChange) {}

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    /**
     * Calls {@code onChange} with the changed row's id (null when any row may have changed) whenever
     * a row of {@code table} changes, until the registration is closed.
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR', 'MODERATOR', 'ADMIN')")
    public Registration subscribe(String table, Consumer<@Nullable String> onChange) {
        if (table == null || table.isBlank() || onChange == null) {
            throw new IllegalArgumentException("a live subscription names a table and what to call");
        }
        Subscriber subscriber = new Subscriber(table, onChange);
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @EventListener
    void on(ChangeNotice notice) {
        for (Subscriber s : subscribers) {
            if (notice.affectsAll(s.table())) {
                call(s, null);
            } else if (notice.table().equals(s.table())) {
                call(s, notice.id());
            }
        }
    }

    private static void call(Subscriber s, @Nullable String id) {
        try {
            s.onChange().accept(id);
        } catch (RuntimeException e) {
            log.warn("a live subscriber of {} failed: {}", s.table(), e.toString());
        }
    }

    /** Ends a subscription. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
