package news.cms.core.dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatelineFormatTest {

    private static final LocalDate NOV_25 = LocalDate.of(2026, 11, 25);
    private static final LanguageTag IRAQI_ARABIC = LanguageTag.of("ar-IQ");

    private static final String FSI = "\u2068";
    private static final String PDI = "\u2069";
    private static final String LRM = "\u200E";
    private static final String RLM = "\u200F";

    private static Dateline dateline(String place, String region, LocalDate date) {
        return new Dateline(place, region, null, date);
    }

    @Test
    void english() {
        DatelineFormat en = DatelineFormat.of(LanguageTag.ENGLISH);
        Dateline erbil = dateline("Erbil", "Kurdistan Region", NOV_25);

        assertThat(en.renderPlace(erbil)).isEqualTo("ERBIL, Kurdistan Region - ");
        assertThat(en.render(erbil)).isEqualTo("ERBIL, Kurdistan Region, 25 November 2026 - ");
        assertThat(en.renderPlace(dateline("Hewlêr", "Kurdistan Region", NOV_25)))
                .isEqualTo("HEWLÊR, Kurdistan Region - ");
        assertThat(en.render(dateline("Sinjar", null, LocalDate.of(2026, 3, 1))))
                .isEqualTo("SINJAR, 1 March 2026 - ");
    }

    @Test
    void englishCapitalsHaveNoDottedI() {
        DatelineFormat en = DatelineFormat.of(LanguageTag.ENGLISH);

        assertThat(en.renderPlace(dateline("Diyarbakır", null, NOV_25))).isEqualTo("DIYARBAKIR - ");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(en.renderPlace(dateline("Sinjar", null, NOV_25))).isEqualTo("SINJAR - ");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void turkish() {
        DatelineFormat tr = DatelineFormat.of(LanguageTag.TURKISH);

        assertThat(tr.renderPlace(dateline("İzmir", "Ege", NOV_25))).isEqualTo("İZMİR, Ege - ");
        assertThat(tr.render(dateline("İzmir", "Ege", NOV_25))).isEqualTo("İZMİR, Ege, 25 Kasım 2026 - ");
        assertThat(tr.renderPlace(dateline("Diyarbakır", null, NOV_25))).isEqualTo("DİYARBAKIR - ");
        assertThat(tr.render(dateline("Diyarbakır", null, LocalDate.of(2026, 8, 9))))
                .isEqualTo("DİYARBAKIR, 9 Ağustos 2026 - ");
    }

    @Test
    void arabic() {
        DatelineFormat ar = DatelineFormat.of(LanguageTag.ARABIC);
        Dateline erbil = dateline("أربيل", "إقليم كوردستان", NOV_25);

        assertThat(ar.renderPlace(erbil)).isEqualTo("أربيل، إقليم كوردستان - ");
        assertThat(ar.render(erbil)).isEqualTo("أربيل، إقليم كوردستان، ٢٥ نوفمبر ٢٠٢٦ - ");
        assertThat(ar.renderPlace(dateline("بغداد", null, NOV_25))).isEqualTo("بغداد - ");
        assertThat(ar.render(dateline("بغداد", null, LocalDate.of(2026, 4, 9)))).isEqualTo("بغداد، ٩ أبريل ٢٠٢٦ - ");
    }

    @Test
    void iraqiArabicUsesTheIraqiMonthNames() {
        DatelineFormat arIq = DatelineFormat.of(IRAQI_ARABIC);

        assertThat(arIq.render(dateline("بغداد", null, LocalDate.of(2026, 4, 9))))
                .isEqualTo("بغداد، ٩ نيسان ٢٠٢٦ - ");
        assertThat(arIq.render(dateline("أربيل", "إقليم كوردستان", NOV_25)))
                .isEqualTo("أربيل، إقليم كوردستان، ٢٥ تشرين الثاني ٢٠٢٦ - ");
    }

    @Test
    void sorani() {
        DatelineFormat ckb = DatelineFormat.of(LanguageTag.SORANI);
        Dateline hewler = dateline("هەولێر", "هەرێمی کوردستان", NOV_25);

        assertThat(ckb.renderPlace(hewler)).isEqualTo("هەولێر، هەرێمی کوردستان - ");
        assertThat(ckb.render(hewler)).isEqualTo("هەولێر، هەرێمی کوردستان، ٢٥ی تشرینی دووەمی ٢٠٢٦ - ");
        assertThat(ckb.renderPlace(dateline("سلێمانی", null, NOV_25))).isEqualTo("سلێمانی - ");
        assertThat(ckb.render(dateline("سلێمانی", null, LocalDate.of(2026, 12, 31))))
                .isEqualTo("سلێمانی، ٣١ی کانوونی یەکەمی ٢٠٢٦ - ");
    }

    @ParameterizedTest
    @CsvSource({
        "1, ١ی کانوونی دووەمی ٢٠٢٧",
        "2, ١ی شوباتی ٢٠٢٧",
        "3, ١ی ئازاری ٢٠٢٧",
        "4, ١ی نیسانی ٢٠٢٧",
        "5, ١ی ئایاری ٢٠٢٧",
        "6, ١ی حوزەیرانی ٢٠٢٧",
        "7, ١ی تەمووزی ٢٠٢٧",
        "8, ١ی ئابی ٢٠٢٧",
        "9, ١ی ئەیلوولی ٢٠٢٧",
        "10, ١ی تشرینی یەکەمی ٢٠٢٧",
        "11, ١ی تشرینی دووەمی ٢٠٢٧",
        "12, ١ی کانوونی یەکەمی ٢٠٢٧"
    })
    void soraniMonths(int month, String expected) {
        assertThat(DatelineFormat.of(LanguageTag.SORANI).renderDate(LocalDate.of(2027, month, 1)))
                .isEqualTo(expected);
    }

    @Test
    void digitsFollowTheLanguage() {
        LocalDate date = LocalDate.of(2034, 5, 16);

        assertThat(DatelineFormat.of(LanguageTag.ENGLISH).renderDate(date)).isEqualTo("16 May 2034");
        assertThat(DatelineFormat.of(LanguageTag.TURKISH).renderDate(date)).isEqualTo("16 Mayıs 2034");
        assertThat(DatelineFormat.of(LanguageTag.ARABIC).renderDate(date)).isEqualTo("١٦ مايو ٢٠٣٤");
        assertThat(DatelineFormat.of(LanguageTag.of("ckb-IQ")).renderDate(date)).isEqualTo("١٦ی ئایاری ٢٠٣٤");
        // Arabic-Indic (U+0660…), not the Extended Arabic-Indic digits (U+06F0…) of Persian.
        assertThat(DatelineFormat.of(LanguageTag.SORANI).renderDate(date))
                .doesNotContainPattern("[\u06F0-\u06F9]")
                .doesNotContainPattern("[0-9]");
    }

    @Test
    void isolatesALatinPlaceInAnArabicScriptStory() {
        Dateline diyarbakir = dateline("Diyarbakır", "باكور", NOV_25);

        assertThat(DatelineFormat.of(LanguageTag.ARABIC).renderPlace(diyarbakir))
                .isEqualTo(RLM + FSI + "Diyarbakır" + PDI + "، باكور - ");
        assertThat(DatelineFormat.of(LanguageTag.SORANI).render(dateline("Erbil", "Kurdistan Region", NOV_25)))
                .isEqualTo(RLM + FSI + "Erbil" + PDI + "، " + FSI + "Kurdistan Region" + PDI
                        + "، ٢٥ی تشرینی دووەمی ٢٠٢٦ - ");
    }

    @Test
    void isolatesOnlyTheLatinRegionAfterAnArabicPlace() {
        assertThat(DatelineFormat.of(LanguageTag.ARABIC).renderPlace(dateline("أربيل", "Kurdistan Region", NOV_25)))
                .isEqualTo("أربيل، " + FSI + "Kurdistan Region" + PDI + " - ");
    }

    @Test
    void isolatesAnArabicScriptPlaceInAnEnglishStory() {
        assertThat(DatelineFormat.of(LanguageTag.ENGLISH).renderPlace(dateline("هەولێر", "Kurdistan Region", NOV_25)))
                .isEqualTo(LRM + FSI + "هەولێر" + PDI + ", Kurdistan Region - ");
        assertThat(DatelineFormat.of(LanguageTag.ENGLISH).renderPlace(dateline("Erbil", "هەرێمی کوردستان", NOV_25)))
                .isEqualTo("ERBIL, " + FSI + "هەرێمی کوردستان" + PDI + " - ");
    }

    @Test
    void addsNoInvisibleCharactersToNamesInTheStorysOwnScript() {
        assertThat(DatelineFormat.of(LanguageTag.SORANI).render(dateline("سلێمانی", "هەرێمی کوردستان", NOV_25)))
                .doesNotContain(FSI, PDI, RLM, LRM);
        assertThat(DatelineFormat.of(LanguageTag.TURKISH).render(dateline("İzmir", "Ege", NOV_25)))
                .doesNotContain(FSI, PDI, RLM, LRM);
    }
}
