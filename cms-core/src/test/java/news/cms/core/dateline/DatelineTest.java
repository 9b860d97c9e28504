package news.cms.core.dateline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

class DatelineTest {

    private static final LocalDate DATE = LocalDate.of(2026, 11, 25);

    @Test
    void cleansItsParts() {
        Dateline d = new Dateline("  هەولێر ", " ", " iq ", DATE);

        assertThat(d.place()).isEqualTo("هەولێر");
        assertThat(d.region()).isNull();
        assertThat(d.countryCode()).isEqualTo("IQ");
    }

    @Test
    void refusesAMissingPlaceOrABadCountry() {
        assertThatThrownBy(() -> new Dateline(" ", null, "IQ", DATE)).isInstanceOf(InvalidText.class);
        assertThatThrownBy(() -> new Dateline("Erbil", null, "IRQ", DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166");
        assertThatThrownBy(() -> new Dateline("Erbil", null, "IQ", null)).isInstanceOf(IllegalArgumentException.class);
        for (String bad : new String[] {"I", "I1", "Iİ", "ÇQ", "I-", "١٢"}) {
            assertThatThrownBy(() -> new Dateline("Erbil", null, bad, DATE))
                    .as(bad)
                    .isInstanceOf(InvalidText.class)
                    .hasMessageContaining("ISO 3166");
        }
        assertThat(new Dateline("İzmir", null, " tr ", DATE).countryCode()).isEqualTo("TR");
    }

    @Test
    void rendersInTheArticlesLanguage() {
        assertThat(new Dateline("Erbil", "Kurdistan Region", "IQ", DATE).render(LanguageTag.ENGLISH))
                .isEqualTo("ERBIL, Kurdistan Region - ");
        assertThat(new Dateline("سلێمانی", "هەرێمی کوردستان", "IQ", DATE).render(LanguageTag.SORANI))
                .isEqualTo("سلێمانی، هەرێمی کوردستان - ");
    }
}
