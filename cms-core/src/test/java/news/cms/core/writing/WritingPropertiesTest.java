package news.cms.core.writing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

class WritingPropertiesTest {

    private final WritingProperties writing = new WritingProperties(
            new Target(80, 250, null, 1200),
            Map.of("Sport", new Target(60, null, 40, null)),
            Map.of("en", 228, "ar", 138),
            200);

    @Test
    void aSectionsOwnLimitsWinAndTheRestComeFromTheDefaults() {
        assertThat(writing.target("sport")).isEqualTo(new Target(60, 250, 40, 1200));
        assertThat(writing.target(" SPORT ")).isEqualTo(new Target(60, 250, 40, 1200));
        assertThat(writing.target("news")).isEqualTo(new Target(80, 250, null, 1200));
        assertThat(writing.target(null)).isEqualTo(new Target(80, 250, null, 1200));
    }

    @Test
    void overMeansPastTheLimitNotAtIt() {
        assertThat(Target.over(80, 80)).isFalse();
        assertThat(Target.over(81, 80)).isTrue();
        assertThat(Target.over(10_000, null)).isFalse();
    }

    @Test
    void readingTimeFollowsTheLanguagesSpeed() {
        assertThat(writing.readingMinutes(684, LanguageTag.ENGLISH)).isEqualTo(3);
        assertThat(writing.readingMinutes(684, LanguageTag.ARABIC)).isEqualTo(5);
        assertThat(writing.readingMinutes(684, LanguageTag.TURKISH)).isEqualTo(3); // 200 a minute
        assertThat(writing.readingMinutes(20, LanguageTag.ENGLISH)).isEqualTo(1);
        assertThat(writing.readingMinutes(0, LanguageTag.ENGLISH)).isZero();
    }

    @Test
    void refusesLimitsThatCannotBeMet() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Target(0, null, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WritingProperties(Target.NONE, Map.of(), Map.of("ar", 0), 200));
    }
}
