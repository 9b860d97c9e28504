package news.cms.core.dateline;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sorani dates, written by us rather than taken from the JDK: its CLDR data has Sorani months but
 * spells December {@code کانونی} beside January's {@code کانوونی}, and a runtime image without the
 * {@code jdk.localedata} module has none at all. The month names are the Iraqi-Syriac ones that
 * Sorani newsrooms in the Kurdistan Region use for the Gregorian calendar; the long form joins day,
 * month and year with the ezafe {@code ی}: {@code ٢٥ی تشرینی دووەمی ٢٠٢٦}.
 */
final class SoraniDates {

    static final String[] MONTHS = {
        "کانوونی دووەم", // January
        "شوبات",
        "ئازار",
        "نیسان",
        "ئایار",
        "حوزەیران",
        "تەمووز",
        "ئاب",
        "ئەیلوول",
        "تشرینی یەکەم",
        "تشرینی دووەم",
        "کانوونی یەکەم" // December
    };

    static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendLiteral("ی ")
            .appendText(ChronoField.MONTH_OF_YEAR, monthNames())
            .appendLiteral("ی ")
            .appendValue(ChronoField.YEAR, 4, 19, SignStyle.EXCEEDS_PAD)
            .toFormatter(Locale.forLanguageTag("ckb"));

    private static Map<Long, String> monthNames() {
        Map<Long, String> names = new HashMap<>();
        for (int m = 0; m < MONTHS.length; m++) {
            names.put((long) m + 1, MONTHS[m]);
        }
        return names;
    }

    private SoraniDates() {}
}
