package news.cms.core.dateline;

import java.time.LocalDate;
import java.util.Locale;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * Where and when a story was filed: place, optional region, optional ISO 3166 country code, and the
 * local date at the place.
 */
public record Dateline(
        String place, @Nullable String region, @Nullable String countryCode, LocalDate date) {

    public Dateline {
        place = Texts.required(place, "dateline place");
        region = region == null || region.isBlank()
                ? null
                : Texts.clean(region, "dateline region").strip();
        if (countryCode != null && !countryCode.isBlank()) {
            countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
            if (!twoCapitals(countryCode)) {
                throw new InvalidText(
                        "dateline country must be a two-letter ISO 3166 code: " + countryCode,
                        "dateline country",
                        InvalidText.Problem.COUNTRY_CODE,
                        null,
                        countryCode);
            }
        } else {
            countryCode = null;
        }
        if (date == null) {
            throw InvalidText.required("dateline date");
        }
    }

    /**
     * The printed prefix in the article's language, {@code PLACE, Region - } ({@code مكان، منطقة - }
     * in Arabic script); see {@link DatelineFormat} for the rules and for the form with the date.
     */
    public String render(LanguageTag language) {
        return DatelineFormat.of(language).renderPlace(this);
    }

    /** {@code [A-Z]{2}}, written out: read back with every stored story, where a pattern cost 1 % of a feed page. */
    private static boolean twoCapitals(String code) {
        return code.length() == 2 && isCapital(code.charAt(0)) && isCapital(code.charAt(1));
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
