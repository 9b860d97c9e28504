package news.cms.editor.layout;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Set;

/**
 * The frame around every signed-in view: the newsroom's name, the way back to the desk, the UI
 * language (kept in the session; right-to-left languages flip the whole page), sign out.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout {

    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ckb", "fa", "he", "ur");

    MainLayout(AuthenticationContext auth) {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        if (ui != null && session != null && session.getLocale() != null) {
            ui.setLocale(session.getLocale());
        }
        if (ui != null) {
            ui.setDirection(isRightToLeft(ui.getLocale()) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        }

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("app-title");
        // A router link: navigating inside the app detaches an open story, which releases its lock.
        Anchor desk = new Anchor("", getTranslation("nav.desk"));
        desk.getElement().setAttribute("router-link", true);
        desk.setId("nav-desk");
        Button english = language("ui-language-en", "English", ENGLISH);
        Button arabic = language("ui-language-ar", "العربية", ARABIC);
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, desk, english, arabic, user, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        addToNavbar(header);
    }

    static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /** A switch to one UI language; the name is written in that language, as language menus do. */
    private static Button language(String id, String name, Locale locale) {
        Button b = new Button(name, e -> {
            VaadinSession.getCurrent().setLocale(locale);
            e.getSource().getUI().ifPresent(ui -> ui.getPage().reload());
        });
        b.setId(id);
        b.getElement().setAttribute("lang", locale.toLanguageTag());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }
}
