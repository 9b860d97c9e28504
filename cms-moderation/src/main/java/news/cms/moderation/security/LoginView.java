package news.cms.moderation.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import news.cms.core.account.SignInThrottled;
import news.cms.moderation.language.LanguageSwitch;
import org.springframework.security.web.WebAttributes;

/** Sign-in, in the session's UI language (see {@code PageLanguage}), with the language switch. */
@Route("login")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.text"));
        login.setI18n(i18n);
        H1 title = new H1(getTranslation("app.title"));
        title.setId("login-app-title");
        Main main = new Main(title, login);
        main.addClassName("login-main");
        add(new LanguageSwitch(), main);
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
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.text", throttled.seconds()));
            login.setI18n(i18n);
        }
        login.setError(failed);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
