package news.cms.editor.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in view: the newsroom's name, who is signed in, sign out. */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    MainLayout(AuthenticationContext auth) {
        H1 title = new H1("Newsroom");
        title.addClassName("app-title");
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        // A router link: navigating inside the app detaches an open story, which releases its lock.
        Anchor desk = new Anchor("", "Desk");
        desk.getElement().setAttribute("router-link", true);
        desk.setId("nav-desk");
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, desk, user, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        addToNavbar(header);
    }
}
