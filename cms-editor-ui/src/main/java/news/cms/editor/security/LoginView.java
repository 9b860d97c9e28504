package news.cms.editor.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
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
import news.cms.editor.layout.UiLanguages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.WebAttributes;

/** Sign-in, in the language the browser asks for (or the one chosen earlier in this session). */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    LoginView() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        if (ui != null) {
            ui.setLocale(news.cms.editor.layout.UiLanguages.forSession(session));
        }
        if (ui != null) {
            UiLanguages.applyTo(ui);
        }
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
        Paragraph who = new Paragraph(getTranslation("login.intro"));
        who.setId("login-intro");
        add(title, who, login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof SignInThrottled throttled) {
            i18n.getErrorMessage().setTitle(getTranslation("login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.throttled.text", throttled.seconds()));
            login.setI18n(i18n);
        }
        login.setError(failed);
    }

    /** Spring Security's failure handler leaves the last sign-in failure in the HTTP session. */
    private static @Nullable Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }
}
