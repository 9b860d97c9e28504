package news.cms.editor.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import news.cms.core.notification.MailDigests;
import news.cms.core.notification.Notification;
import news.cms.core.notification.NotificationService;
import news.cms.core.notification.NotificationUpdates;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The header's bell: how many notifications are unread, and the list (newest first; opening one
 * marks it read and goes to its story). It updates itself when the user's notifications change in
 * any app instance, through server push (ADR 0023).
 */
class NotificationBell extends Composite<HorizontalLayout> {

    static final int SHOWN = 30;

    private final NotificationService notifications;
    private final NotificationUpdates updates;
    private final MailDigests digests;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();
    private NotificationUpdates.@Nullable Registration subscription;
    private @Nullable Dialog open;

    NotificationBell(NotificationService notifications, NotificationUpdates updates, MailDigests digests) {
        this.notifications = notifications;
        this.digests = digests;
        this.updates = updates;
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setTooltipText(getTranslation("bell.label"));
        bell.addClickListener(e -> openList());
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge error pill small");
        getContent().add(bell, count);
        getContent().setSpacing(false);
        getContent().setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Pushes come on the change-notice thread, which has nobody signed in: the bell reads as
        // the person who opened it.
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        subscription = updates.subscribe(() -> ui.access(() -> as(me, this::refresh)));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void refresh() {
        int unread = notifications.unreadCount();
        count.setText(Integer.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel(getTranslation("bell.unread", unread));
        if (open != null && open.isOpened()) {
            fill(open);
        }
    }

    private void openList() {
        Dialog dialog = new Dialog();
        dialog.setId("notification-list");
        dialog.setHeaderTitle(getTranslation("bell.label"));
        Button markAll = new Button(getTranslation("bell.mark-all"), e -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.setId("notifications-mark-all");
        Button close = new Button(getTranslation("bell.close"), e -> dialog.close());
        close.setId("notifications-close");
        dialog.getFooter().add(markAll, close);
        if (digests.offered()) {
            Button digest = new Button(getTranslation("digest.open"), e -> new DigestDialog(digests).open());
            digest.setId("notifications-digest");
            digest.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            dialog.getFooter().add(digest);
        }
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                open = null;
            }
        });
        open = dialog;
        fill(dialog);
        dialog.open();
    }

    private void fill(Dialog dialog) {
        dialog.removeAll();
        List<Notification> mine = notifications.mine(SHOWN);
        if (mine.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("bell.empty")));
            return;
        }
        for (Notification n : mine) {
            dialog.add(item(n, dialog));
        }
    }

    private Div item(Notification n, Dialog dialog) {
        Div item = new Div();
        item.setId("notification-" + n.id());
        item.addClassName("notification");
        item.addClassName(n.isRead() ? "notification-read" : "notification-unread");
        Span what = new Span(getTranslation(
                "notification." + Notices.key(n.kind().name()),
                TextDirections.isolate(n.actor()),
                TextDirections.isolate(n.headline())));
        Span when = new Span(Notices.when(n.createdAt()));
        when.addClassName("notification-when");
        item.add(what, when);
        item.getElement().setAttribute("role", "link");
        item.getElement().setAttribute("tabindex", "0");
        item.addClickListener(e -> {
            notifications.markRead(n.id());
            dialog.close();
            refresh();
            // A story's notice opens the story; a planned item the assignments; a push subscription's its log.
            String target = n.articleId() != null
                    ? "story/" + n.articleId()
                    : n.subscription() != null ? "admin/push-log/" + n.subscription() : "assignments";
            getUI().ifPresent(ui -> ui.navigate(target));
        });
        return item;
    }

    private static void as(@Nullable Authentication who, Runnable action) {
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
