package news.cms.moderation.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The UI languages the moderators' app offers: those with a bundle under {@code vaadin-i18n/} on the
 * class path, each named in its own language. English is the fallback for a browser asking for none
 * of them.
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

    /** The known languages whose bundle is present, in menu order. */
    public static List<UiLanguage> offered() {
        return KNOWN.stream().filter(UiLanguages::hasBundle).toList();
    }

    /** The offered language for a locale (by language, ignoring region), if any. */
    public static Optional<UiLanguage> of(Locale locale) {
        return offered().stream()
                .filter(l -> l.locale().getLanguage().equals(locale.getLanguage()))
                .findFirst();
    }

    /** The first offered language among the browser's, in its order of preference; else English. */
    public static UiLanguage preferred(List<Locale> asked) {
        return asked.stream()
                .map(UiLanguages::of)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(KNOWN.getFirst());
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
