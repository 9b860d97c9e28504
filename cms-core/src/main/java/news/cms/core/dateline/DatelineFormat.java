package news.cms.core.dateline;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;

/**
 * How one language prints a dateline: the house form {@code PLACE, Region - } before the first
 * paragraph, and a form with the local date for the editor preview. Immutable and thread-safe.
 *
 * <ul>
 *   <li>Left-to-right languages (English, Turkish): the place in capitals by the language's own
 *       rules (Turkish {@code İzmir} → {@code İZMİR}, English {@code Diyarbakır} → {@code
 *       DIYARBAKIR}), a comma and {@code " - "}.
 *   <li>Right-to-left languages (Arabic, Sorani): the place as written (Arabic script has no
 *       capitals), the Arabic comma {@code ،} and {@code " - "}.
 *   <li>A place or region in the other direction's script (a Latin name in an Arabic story, an
 *       Arabic-script name in an English one) is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 *       ISOLATE, so it cannot reorder the commas around it; when the place itself is wrapped, the
 *       dateline starts with a mark of the article's direction, so that a paragraph with {@code
 *       dir="auto"} still takes the article's direction. Names in the article's own script get no
 *       invisible characters.
 *   <li>Dates: Arabic and Sorani print Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩), English and Turkish
 *       Western digits. Month names come from the JDK for every language but Sorani, whose names
 *       are ours (see {@link SoraniDates}); {@code ar-IQ} gets the Iraqi month names, plain {@code
 *       ar} the pan-Arab ones.
 * </ul>
 */
public final class DatelineFormat {

    static final char FIRST_STRONG_ISOLATE = '\u2068';
    static final char POP_DIRECTIONAL_ISOLATE = '\u2069';
    static final char LEFT_TO_RIGHT_MARK = '\u200E';
    static final char RIGHT_TO_LEFT_MARK = '\u200F';

    static final char ARABIC_INDIC_ZERO = '\u0660';

    private static final String DASH = " - ";

    private final LanguageTag language;
    private final boolean rightToLeft;
    private final String comma;
    private final DateTimeFormatter dates;

    private DatelineFormat(LanguageTag language) {
        this.language = language;
        this.rightToLeft = language.direction() == TextDirection.RTL;
        this.comma = rightToLeft ? "، " : ", ";
        DecimalStyle digits = DecimalStyle.STANDARD.withZeroDigit(zeroDigit(language));
        this.dates = language.primary().equals("ckb")
                ? SoraniDates.FORMAT.withDecimalStyle(digits)
                : DateTimeFormatter.ofPattern("d MMMM uuuu", language.locale()).withDecimalStyle(digits);
    }

    public static DatelineFormat of(LanguageTag language) {
        if (language == null) {
            throw new IllegalArgumentException("a language is required to print a dateline");
        }
        return new DatelineFormat(language);
    }

    public LanguageTag language() {
        return language;
    }

    /** The prefix before the first paragraph, e.g. {@code ERBIL, Kurdistan Region - }. */
    public String renderPlace(Dateline dateline) {
        StringBuilder out = new StringBuilder();
        appendPlace(out, dateline);
        return out.append(DASH).toString();
    }

    /** The local date alone, e.g. {@code 25 November 2026} or {@code ٢٥ تشرين الثاني ٢٠٢٦}. */
    public String renderDate(LocalDate date) {
        return dates.format(date);
    }

    /** The prefix with the local date, e.g. {@code ERBIL, Kurdistan Region, 25 November 2026 - }. */
    public String render(Dateline dateline) {
        StringBuilder out = new StringBuilder();
        appendPlace(out, dateline);
        return out.append(comma)
                .append(renderDate(dateline.date()))
                .append(DASH)
                .toString();
    }

    private void appendPlace(StringBuilder out, Dateline dateline) {
        // Arabic script has no capitals; a Latin name quoted in an Arabic story stays as written.
        String place = rightToLeft ? dateline.place() : dateline.place().toUpperCase(language.locale());
        if (needsIsolation(place)) {
            out.append(rightToLeft ? RIGHT_TO_LEFT_MARK : LEFT_TO_RIGHT_MARK);
        }
        appendIsolated(out, place);
        if (dateline.region() != null) {
            out.append(comma);
            appendIsolated(out, dateline.region());
        }
    }

    private void appendIsolated(StringBuilder out, String part) {
        if (needsIsolation(part)) {
            out.append(FIRST_STRONG_ISOLATE).append(part).append(POP_DIRECTIONAL_ISOLATE);
        } else {
            out.append(part);
        }
    }

    /** Whether the text holds a letter written in the direction opposite to the article's. */
    private boolean needsIsolation(String text) {
        return text.codePoints().anyMatch(c -> {
            byte d = Character.getDirectionality(c);
            return rightToLeft
                    ? d == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                    : d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }

    /**
     * Arabic and Sorani newsrooms print Arabic-Indic digits; Iraqi Kurdish usage (and CLDR's {@code
     * ckb} data) has the same digits as Iraqi Arabic, not the Extended forms (۴۵۶) of Persian.
     */
    private static char zeroDigit(LanguageTag language) {
        return switch (language.primary()) {
            case "ar", "ckb" -> ARABIC_INDIC_ZERO;
            default -> '0';
        };
    }
}
