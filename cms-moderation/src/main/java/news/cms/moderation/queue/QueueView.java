package news.cms.moderation.queue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** The queue of comments waiting for a decision; intake arrives with the comment feature. */
@Route("")
@PageTitle("Queue · Comment moderation")
@RolesAllowed("MODERATOR")
class QueueView extends VerticalLayout {

    QueueView(AuthenticationContext auth) {
        setSizeFull();
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var header = new HorizontalLayout(
                new H2("Pending comments"), new Span(auth.getPrincipalName().orElse("")), signOut);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        Grid<String> queue = new Grid<>();
        queue.setId("queue-grid");
        queue.addColumn(text -> text).setHeader("Comment");
        queue.setItems();
        queue.setEmptyStateText("No comments are waiting for moderation.");
        add(header, queue);
    }
}
