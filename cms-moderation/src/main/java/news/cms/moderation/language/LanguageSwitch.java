package news.cms.moderation.language;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.server.VaadinSession;

/**
 * The UI languages as buttons, each named in its own language and marked with its {@code lang}; the
 * current one is pressed. A choice is kept in the session and the page reloads, so that every
 * component is built again in the new language and direction.
 */
public class LanguageSwitch extends Nav {

    public LanguageSwitch() {
        setId("ui-language");
        getElement().setAttribute("aria-label", getTranslation("language.switch"));
        addClassName("language-switch");
        String current =
                UI.getCurrent() == null ? "" : UI.getCurrent().getLocale().getLanguage();
        for (UiLanguages.UiLanguage language : UiLanguages.offered()) {
            Button b = new Button(language.name(), e -> {
                UI ui = UI.getCurrent();
                PageLanguage.choose(VaadinSession.getCurrent(), language.locale());
                ui.getPage().reload();
            });
            b.setId("ui-language-" + language.tag());
            b.getElement().setAttribute("lang", language.tag());
            b.getElement()
                    .setAttribute(
                            "aria-pressed",
                            Boolean.toString(language.locale().getLanguage().equals(current)));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(b);
        }
    }
}
