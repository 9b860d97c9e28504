package news.cms.editor.layout;

import com.vaadin.flow.component.Direction;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
