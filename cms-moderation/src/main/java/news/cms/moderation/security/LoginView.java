package news.cms.moderation.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import news.cms.core.account.SignInThrottled;
import org.springframework.security.web.WebAttributes;

@Route("login")
@PageTitle("Sign in · Comment moderation")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Comment moderation"), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // Spring Security's failure handler leaves the last sign-in failure in the HTTP session.
        VaadinSession session = VaadinSession.getCurrent();
        if (failed
                && session != null
                && session.getSession() != null
                && session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
                        instanceof SignInThrottled throttled) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage()
                    .setMessage("Wait " + throttled.seconds()
                            + " seconds, then try again. Each further wrong password makes the wait longer.");
            login.setI18n(i18n);
        }
        login.setError(failed);
    }
}
