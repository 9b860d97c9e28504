package news.cms.moderation.language;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Gives every new page the session's UI language: the one the moderator chose, else the first
 * offered one the browser asks for, else English. The UI's locale picks the bundle; the page's
 * direction and {@code <html lang>} follow it, so screen readers speak each page in its language.
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    /** The session attribute holding the language the moderator chose. */
    static final String CHOSEN = PageLanguage.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> apply(e.getUI()));
        // The first HTML answer already says the page's language and direction, before any script runs.
        event.addIndexHtmlRequestListener(response -> {
            Locale locale = current(
                            response.getVaadinRequest().getWrappedSession() == null ? null : VaadinSession.getCurrent())
                    .locale();
            response.getDocument().selectFirst("html").attr("lang", locale.toLanguageTag());
            response.getDocument().selectFirst("html").attr("dir", UiLanguages.isRightToLeft(locale) ? "rtl" : "ltr");
        });
    }

    /** Sets the UI's locale, direction and {@code <html lang>} from the session's language. */
    static void apply(UI ui) {
        Locale locale = current(ui.getSession()).locale();
        ui.setLocale(locale);
        ui.setDirection(UiLanguages.isRightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.toLanguageTag());
    }

    /** The session's UI language. */
    static UiLanguages.UiLanguage current(@org.jspecify.annotations.Nullable VaadinSession session) {
        if (session != null && session.getAttribute(CHOSEN) instanceof Locale chosen) {
            return UiLanguages.of(chosen).orElseGet(() -> UiLanguages.preferred(List.of()));
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        List<Locale> asked = request == null ? List.of() : Collections.list(request.getLocales());
        return UiLanguages.preferred(asked);
    }

    /** Keeps the moderator's choice for this session; the caller reloads the page to rebuild it. */
    static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN, locale);
        session.setLocale(locale);
    }
}
