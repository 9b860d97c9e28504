package news.cms.editor.layout;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The UI languages the newsroom offers: those with a translation bundle on the class path, each named
 * in its own language, as language menus do.
 */
public final class UiLanguages {

    /** A UI language and its name in that language. */
    public record UiLanguage(Locale locale, String name) {
        public String tag() {
            return locale.toLanguageTag();
        }
    }

    private static final List<UiLanguage> KNOWN = List.of(
            new UiLanguage(Locale.ENGLISH, "English"),
            new UiLanguage(Locale.forLanguageTag("ar"), "العربية"),
            new UiLanguage(Locale.forLanguageTag("ckb"), "کوردی"),
            new UiLanguage(Locale.forLanguageTag("tr"), "Türkçe"));

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ckb", "fa", "he", "ur");

    private UiLanguages() {}

    /** The known languages whose bundle is present. */
    public static List<UiLanguage> offered() {
        return KNOWN.stream().filter(UiLanguages::hasBundle).toList();
    }

    /**
     * The page follows the UI language: {@code <html lang>} for screen readers and hyphenation,
     * {@code dir} for the layout. Each is set from the UI's locale on every page, the sign-in page too.
     */
    public static void applyTo(UI ui) {
        Locale locale = ui.getLocale();
        ui.setDirection(isRightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
        ui.getPage().executeJs("document.documentElement.setAttribute('lang', $0);", tag(locale));
    }

    /** The session attribute holding the UI language chosen in the menu. */
    private static final String CHOSEN = UiLanguages.class.getName() + ".chosen";

    /** Keeps the language chosen in the menu for this session. */
    public static void choose(VaadinSession session, Locale locale) {
        session.setAttribute(CHOSEN, locale);
        session.setLocale(locale);
    }

    /**
     * The UI language of a page: the one chosen in this session, else the first offered one the
     * browser asks for, else English. (Vaadin's own default for a language it has no bundle for is
     * the first bundle it finds, which put French browsers into the Arabic UI.)
     */
    public static Locale forSession(@Nullable VaadinSession session) {
        VaadinRequest request = VaadinRequest.getCurrent();
        List<Locale> asked = request == null ? List.of() : Collections.list(request.getLocales());
        Locale chosen = session != null && session.getAttribute(CHOSEN) instanceof Locale l ? l : null;
        return forPage(chosen, asked);
    }

    static Locale forPage(@Nullable Locale chosen, List<Locale> asked) {
        List<Locale> offered = offered().stream().map(UiLanguage::locale).toList();
        Stream<Locale> wanted = chosen == null ? asked.stream() : Stream.concat(Stream.of(chosen), asked.stream());
        return wanted.flatMap(w -> offered.stream().filter(l -> l.getLanguage().equals(w.getLanguage())))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    /** The BCP 47 tag of the UI language the locale stands for (e.g. en-US → en). */
    public static String tag(Locale locale) {
        return KNOWN.stream()
                .filter(l -> l.locale().getLanguage().equals(locale.getLanguage()))
                .map(UiLanguage::tag)
                .findFirst()
                .orElse(locale.toLanguageTag());
    }

    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    private static boolean hasBundle(UiLanguage language) {
        return UiLanguages.class
                        .getClassLoader()
                        .getResource("vaadin-i18n/translations_" + language.tag() + ".properties")
                != null;
    }
}
