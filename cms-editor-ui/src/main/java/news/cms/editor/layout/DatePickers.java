package news.cms.editor.layout;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.dom.Element;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.DecimalStyle;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Date pickers in the UI language, with a format we control rather than the browser's guess.
 *
 * <p>Left to itself, Vaadin's picker derives a pattern from the browser's own rendering of a test
 * date, which for Arabic mixes bidi marks and Arabic-Indic digits into something that shows as
 * {@code 52026/12/} and does not parse back. Here each UI language has a fixed numeric pattern that
 * round-trips (day first, four-digit year), in the digits the rest of the page uses for that
 * language ({@link #digits}): Sorani in Arabic-Indic digits with a right-to-left mark before each
 * slash (as CLDR writes its short dates), Arabic in Latin digits; the parser takes Arabic-Indic,
 * Eastern Arabic-Indic or Latin digits, with or without the marks, in every language.
 */
public final class DatePickers {

    /**
     * Wraps the picker's formatter and parser (set by Vaadin's connector from our pattern) with the
     * digit conversion, again whenever the connector renews them.
     */
    private static final String DIGITS = """
            const picker = $0 ? this.querySelector($0) : this;
            if (!picker) { return; }
            const digits = $1;
            const mark = '\\u200F';
            const toLocal = s => digits ? s.replace(/[0-9]/g, d => digits[d]).replace(/\\//g, mark + '/') : s;
            const toLatin = s => (s || '')
              .replace(/[\\u0660-\\u0669]/g, c => String(c.charCodeAt(0) - 0x0660))
              .replace(/[\\u06F0-\\u06F9]/g, c => String(c.charCodeAt(0) - 0x06F0))
              .replace(/[\\u200E\\u200F\\u061C]/g, '')
              .trim();
            const wrap = () => {
              const i18n = picker.i18n;
              if (!i18n || !i18n.formatDate || i18n.formatDate.__cms) { return; }
              const format = i18n.formatDate;
              const parse = i18n.parseDate;
              const formatDate = d => toLocal(format(d));
              formatDate.__cms = true;
              picker.i18n = Object.assign({}, i18n, {
                formatDate,
                parseDate: s => parse(toLatin(s)),
                formatTitle: (month, year) => month + ' ' + toLocal(String(year))
              });
            };
            if (!picker.$connector && window.Vaadin.Flow.datepickerConnector) {
              window.Vaadin.Flow.datepickerConnector.initLazy(picker);
            }
            const connector = picker.$connector;
            if (connector && !connector.__cmsDigits) {
              const update = connector.updateI18n;
              connector.updateI18n = (locale, i18n) => { update(locale, i18n); wrap(); };
              connector.__cmsDigits = true;
            }
            wrap();
            """;

    /**
     * Replaces the time picker's formatter and parser (which Vaadin's connector builds from the
     * browser's {@code toLocaleTimeString}: 12-hour with a marker for Arabic, and an error for a
     * locale the browser lacks, such as Sorani) with a 24-hour {@code HH:mm} in the UI's digits. The
     * parser reads Arabic-Indic, Eastern Arabic-Indic or Latin digits, {@code :}, {@code .} or the
     * Arabic decimal separator between hours and minutes, and an AM/PM marker in Arabic, Sorani or
     * English when someone types one.
     */
    private static final String TIME = """
            const picker = this.querySelector($0);
            if (!picker) { return; }
            const digits = $1;
            const toLocal = s => digits ? s.replace(/[0-9]/g, d => digits[d]) : s;
            const two = n => String(n).padStart(2, '0');
            const formatTime = t => {
              if (!t) { return; }
              const seconds = picker.step && picker.step < 60;
              return toLocal(two(t.hours) + ':' + two(t.minutes || 0) + (seconds ? ':' + two(t.seconds || 0) : ''));
            };
            formatTime.__cms = true;
            const parseTime = text => {
              let s = (text || '')
                .replace(/[\\u0660-\\u0669]/g, c => String(c.charCodeAt(0) - 0x0660))
                .replace(/[\\u06F0-\\u06F9]/g, c => String(c.charCodeAt(0) - 0x06F0))
                .replace(/[\\u200E\\u200F\\u061C]/g, '')
                .trim().toLowerCase();
              let half = null;
              const pm = /(p\\.?\\s?m\\.?|م|د\\.?\\s?ن\\.?)$/;
              const am = /(a\\.?\\s?m\\.?|ص|ب\\.?\\s?ن\\.?)$/;
              if (pm.test(s)) { half = 'pm'; s = s.replace(pm, '').trim(); }
              else if (am.test(s)) { half = 'am'; s = s.replace(am, '').trim(); }
              const m = /^(\\d{1,2})(?:\\s*[:.\\u066B]\\s*(\\d{2}))?(?:\\s*[:.\\u066B]\\s*(\\d{2}))?$/.exec(s)
                || /^(\\d{2})(\\d{2})$/.exec(s);
              if (!m) { return; }
              let hours = parseInt(m[1], 10);
              const minutes = m[2] ? parseInt(m[2], 10) : 0;
              const seconds = m[3] ? parseInt(m[3], 10) : 0;
              if (half) {
                if (hours < 1 || hours > 12) { return; }
                hours = hours % 12 + (half === 'pm' ? 12 : 0);
              }
              if (hours > 23 || minutes > 59 || seconds > 59) { return; }
              return {hours, minutes, seconds, milliseconds: 0};
            };
            const apply = () => {
              if (picker.i18n && picker.i18n.formatTime && picker.i18n.formatTime.__cms) { return; }
              picker.i18n = Object.assign({}, picker.i18n, {formatTime, parseTime});
              // The shown text follows the new formatter at once, also for a value set before.
              if (picker.value && picker.inputElement) {
                const parts = picker.value.split(':').map(n => parseInt(n, 10));
                picker.inputElement.value = formatTime({hours: parts[0], minutes: parts[1], seconds: parts[2] || 0});
              }
            };
            if (!picker.$connector && window.Vaadin.Flow.timepickerConnector) {
              window.Vaadin.Flow.timepickerConnector.initLazy(picker);
            }
            const connector = picker.$connector;
            if (connector && !connector.__cmsTime) {
              const setLocale = connector.setLocale;
              // The browser may lack the locale (Sorani): the connector then throws; ours still applies.
              connector.setLocale = locale => {
                try { setLocale(locale); } catch (e) { /* replaced below */ }
                apply();
              };
              connector.__cmsTime = true;
            }
            apply();
            """;

    private DatePickers() {}

    /** A date field in the UI language. */
    public static void localise(DatePicker picker) {
        Locale locale = Notices.locale();
        picker.setLocale(locale);
        picker.setI18n(i18n(locale));
        digits(picker.getElement(), null, locale);
    }

    /** The date half of a date-and-time field in the UI language. */
    public static void localise(DateTimePicker picker) {
        Locale locale = Notices.locale();
        picker.setLocale(locale);
        picker.setDatePickerI18n(i18n(locale));
        digits(picker.getElement(), "[slot='date-picker']", locale);
        time(picker.getElement(), locale);
    }

    /** The pattern a UI language shows dates in (date-fns letters); the first is shown, all are read. */
    static List<String> patterns(Locale locale) {
        return switch (locale.getLanguage()) {
            case "tr" -> List.of("dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd");
            case "ar", "ckb" -> List.of("d/M/yyyy", "yyyy-MM-dd");
            default -> List.of("d/M/yyyy", "yyyy-MM-dd");
        };
    }

    /**
     * The digits a UI language writes dates with, as the JDK's CLDR data has them for it, so that a
     * picker shows the digits the rest of the page does (docs/adr/0038): Arabic-Indic for Sorani,
     * Latin for Arabic ({@code ar} without a region) and the others; null for Latin digits.
     */
    static @Nullable String digits(Locale locale) {
        char zero = DecimalStyle.of(locale).getZeroDigit();
        if (zero == '0') {
            return null;
        }
        StringBuilder digits = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            digits.append((char) (zero + i));
        }
        return digits.toString();
    }

    static DatePickerI18n i18n(Locale locale) {
        List<String> patterns = patterns(locale);
        DatePickerI18n i18n = new DatePickerI18n()
                .setDateFormats(
                        patterns.getFirst(),
                        patterns.subList(1, patterns.size()).toArray(String[]::new))
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdays(week(TextStyle.FULL_STANDALONE, locale))
                .setWeekdaysShort(week(TextStyle.SHORT_STANDALONE, locale))
                // The picker counts from Sunday = 0; java.time from Monday = 1.
                .setFirstDayOfWeek(WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7)
                .setToday(Notices.t("date.today"))
                .setCancel(Notices.t("dialog.cancel"))
                .setBadInputErrorMessage(Notices.t("date.bad-input", example(locale)));
        return i18n;
    }

    /** How a date is typed in this UI language, for the error message. */
    private static String example(Locale locale) {
        String pattern = patterns(locale)
                .getFirst()
                .replace("yyyy", "2026")
                .replace("MM", "12")
                .replace("M", "12");
        pattern = pattern.replace("dd", "05").replace("d", "5");
        String digits = digits(locale);
        if (digits == null) {
            return pattern;
        }
        StringBuilder local = new StringBuilder();
        pattern.chars().forEach(c -> {
            if (c >= '0' && c <= '9') {
                local.append(digits.charAt(c - '0'));
            } else {
                if (c == '/') {
                    local.append('\u200F');
                }
                local.append((char) c);
            }
        });
        return local.toString();
    }

    /** Sunday first, as the picker expects. */
    private static List<String> week(TextStyle style, Locale locale) {
        return List.of(
                        DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY,
                        DayOfWeek.SATURDAY)
                .stream()
                .map(d -> d.getDisplayName(style, locale))
                .toList();
    }

    /** The time half: 24-hour in the UI's digits where the connector's would not round-trip. */
    /**
     * Whether a UI language's pickers take our scripts: Arabic and Sorani, whose writers may type
     * Arabic-Indic digits and whose times the browser formats in a way that does not parse back.
     */
    private static boolean scripted(Locale locale) {
        return List.of("ar", "ckb").contains(locale.getLanguage());
    }

    private static void time(Element picker, Locale locale) {
        if (!scripted(locale)) {
            return;
        }
        String digits = digits(locale);
        picker.getComponent()
                .ifPresent(c -> c.addAttachListener(e -> picker.executeJs(TIME, "[slot='time-picker']", digits)));
        if (picker.getNode().isAttached()) {
            picker.executeJs(TIME, "[slot='time-picker']", digits);
        }
    }

    private static void digits(Element picker, @Nullable String inner, Locale locale) {
        if (!scripted(locale)) {
            return;
        }
        String digits = digits(locale);
        // On every attach: the connector is set up anew when the element is.
        picker.getComponent().ifPresent(c -> c.addAttachListener(e -> picker.executeJs(DIGITS, inner, digits)));
        if (picker.getNode().isAttached()) {
            picker.executeJs(DIGITS, inner, digits);
        }
    }
}
