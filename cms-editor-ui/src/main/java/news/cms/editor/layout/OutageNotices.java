package news.cms.editor.layout;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import java.util.Optional;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a click, a keystroke or a poll fails because the database or the search engine is not
 * answering, the user reads so in the UI language, in a notice over the page they were on: the
 * page is not replaced, so whatever they typed stays in its fields and they can try again once the
 * engine is back. Every other failure goes to the session's previous handler, as before.
 */
@Component
class OutageNotices implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(OutageNotices.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            ErrorHandler previous = init.getSession().getErrorHandler();
            init.getSession().setErrorHandler(new Handler(previous));
        });
    }

    /** Shows the outage's notice on the UI, replacing the one it may already show. */
    static void show(UI ui, Outage outage) {
        if (ComponentUtil.getData(ui, Notification.class) instanceof Notification shown) {
            shown.close();
        }
        Span text = new Span(ui.getTranslation(messageKey(outage), outage.retryAfterSeconds()));
        text.setId("outage-text");
        Notification notice = new Notification(text);
        notice.setId("outage-notice");
        notice.setDuration(10_000);
        notice.setPosition(Notification.Position.TOP_CENTER);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
        // An alert: screen readers speak it at once, whatever the user is doing.
        text.getElement().setAttribute("role", "alert");
        ComponentUtil.setData(ui, Notification.class, notice);
        notice.open();
    }

    static String messageKey(Outage outage) {
        return "outage." + outage.dependency().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Kept in the session, so it holds nothing but the previous handler (a session may be written
     * out); the breakers are Spring's, asked for on each error.
     */
    private record Handler(ErrorHandler previous) implements ErrorHandler {

        @Override
        public void error(ErrorEvent event) {
            VaadinService service = VaadinService.getCurrent();
            UI ui = UI.getCurrent();
            if (service == null || ui == null) {
                previous.error(event);
                return;
            }
            Optional<Outage> outage =
                    service.getInstantiator().getOrCreate(Outages.class).of(event.getThrowable());
            if (outage.isEmpty()) {
                previous.error(event);
                return;
            }
            log.warn(
                    "{} unavailable during a UI request, the user was told: {}",
                    outage.get().dependency(),
                    event.getThrowable().toString());
            show(ui, outage.get());
        }
    }
}
