package news.cms.editor.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * The first HTML answer of every page already says the UI language and its direction, before any
 * script runs: screen readers and the browser's layout then start right instead of switching after
 * the client boots. The language is the session's (a choice made in the menu), else the first
 * offered one the browser asks for, else English; the UI sets the same once it is up.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            Locale locale = UiLanguages.forSession(VaadinSession.getCurrent());
            Element html = response.getDocument().selectFirst("html");
            if (html != null) {
                html.attr("lang", UiLanguages.tag(locale));
                html.attr("dir", UiLanguages.isRightToLeft(locale) ? "rtl" : "ltr");
            }
        });
    }
}
