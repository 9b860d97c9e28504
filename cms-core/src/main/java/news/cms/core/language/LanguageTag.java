package news.cms.core.language;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * A BCP 47 language tag such as {@code en}, {@code ar}, {@code ckb} (Sorani Kurdish) or {@code tr},
 * kept in its canonical form.
 */
public record LanguageTag(String value) {

    public static final LanguageTag ENGLISH = new LanguageTag("en");
    public static final LanguageTag ARABIC = new LanguageTag("ar");
    public static final LanguageTag SORANI = new LanguageTag("ckb");
    public static final LanguageTag TURKISH = new LanguageTag("tr");

    private static final Set<String> RIGHT_TO_LEFT =
            Set.of("ar", "ckb", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv");

    public LanguageTag {
        if (value == null || value.isBlank()) {
            throw new InvalidLanguageTag(value == null ? "" : value, "a language is required");
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new InvalidLanguageTag(value, "no language subtag");
            }
            // Well-formed is not enough: the language must be one the JDK's CLDR data can name.
            if (locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(locale.getLanguage())) {
                throw new InvalidLanguageTag(value, "unknown language \"" + locale.getLanguage() + "\"");
            }
            value = locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidLanguageTag(value, e.getMessage());
        }
    }

    /**
     * Tags read before, as given: a stored story's language is read back with every row (bench/search's
     * JFR: building the JDK locale to check the tag again was 1 % of an uncached feed page's CPU).
     * A refused tag is not kept, so it is refused every time.
     */
    private static final Cache<String, LanguageTag> KNOWN =
            Caffeine.newBuilder().maximumSize(256).build();

    public static LanguageTag of(String value) {
        return value == null ? new LanguageTag(null) : KNOWN.get(value, LanguageTag::new);
    }

    /** The primary language subtag, e.g. {@code ckb} for {@code ckb-IQ}. */
    public String primary() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    public TextDirection direction() {
        if (value.contains("-Latn")) {
            return TextDirection.LTR;
        }
        return RIGHT_TO_LEFT.contains(primary()) || value.contains("-Arab") ? TextDirection.RTL : TextDirection.LTR;
    }

    public Locale locale() {
        return Locale.forLanguageTag(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
