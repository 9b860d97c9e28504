package news.cms.moderation.outage;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.InternalServerError;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;

/**
 * Opening a page while the database is not answering: a plain notice in the UI language (the UI's
 * locale and direction are already the session's) and a link to try the same page again, with 503,
 * instead of Vaadin's error page. Any other failure is shown as Vaadin shows it.
 */
class OutagePage extends InternalServerError {

    // Spring's; a view is part of the session, which may be written out.
    private final transient Outages outages;

    OutagePage(Outages outages) {
        this.outages = outages;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Optional<Outage> outage = outages.of(parameter.getCaughtException());
        if (outage.isEmpty()) {
            return super.setErrorParameter(event, parameter);
        }
        getElement().removeAllChildren();
        getElement().setAttribute("id", "outage-page");
        getElement().setAttribute("role", "alert");
        getElement().getStyle().set("padding", "var(--lumo-space-l)");
        Paragraph text = new Paragraph(getTranslation(
                "outage.page." + outage.get().dependency().name().toLowerCase(Locale.ROOT),
                outage.get().retryAfterSeconds()));
        text.setId("outage-page-text");
        Anchor again = new Anchor(event.getLocation().getPathWithQueryParameters(), getTranslation("outage.retry"));
        again.setId("outage-retry");
        getElement().appendChild(text.getElement(), again.getElement());
        return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
}
