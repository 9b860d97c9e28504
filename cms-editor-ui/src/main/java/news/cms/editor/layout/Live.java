package news.cms.editor.layout;

import com.vaadin.flow.component.UI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import news.cms.core.notice.LiveChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keeps a view in step with changes made elsewhere (ADR 0033). The notice thread only checks
 * whether the change concerns the view and starts a virtual thread; that thread runs the refresh in
 * {@code ui.access}, signed in as the viewer (the refresh and the push that follows it read through
 * method security). A burst of changes refreshes once: a refresh already on its way takes the rest.
 */
public final class Live {

    private Live() {}

    /**
     * Calls {@code refresh} in the UI whenever a row of {@code table} changes for which {@code
     * concerns} says yes (it is given the row's id, or null when any row may have changed), until the
     * returned registration is closed (on detach).
     */
    public static LiveChanges.Registration follow(
            UI ui, LiveChanges changes, String table, Predicate<@Nullable String> concerns, Runnable refresh) {
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        AtomicBoolean pending = new AtomicBoolean();
        return changes.subscribe(table, id -> {
            if (!concerns.test(id) || !pending.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual()
                    .name("cms-live-" + table)
                    .start(() -> as(viewer, () -> {
                        try {
                            ui.access(() -> {
                                pending.set(false);
                                as(viewer, refresh);
                            });
                        } catch (com.vaadin.flow.component.UIDetachedException gone) {
                            pending.set(false);
                        }
                    }));
        });
    }

    /** Runs an action signed in as someone, on a thread that has nobody signed in. */
    public static void as(@Nullable Authentication who, Runnable action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
