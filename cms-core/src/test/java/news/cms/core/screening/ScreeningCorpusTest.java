package news.cms.core.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screening targets on our own labelled corpus, per language: recall ≥ 0.90 for every guideline
 * category and at most 2 % of innocent texts flagged. Writes the report to
 * {@code target/screening-report.md}.
 */
class ScreeningCorpusTest {

    private static final Screener SCREENER = new Screener();
    private static Map<String, ScreeningReport.LanguageFigures> figures;

    @BeforeAll
    static void measure() throws IOException {
        figures = ScreeningReport.measure(SCREENER);
        Files.writeString(Path.of("target", "screening-report.md"), ScreeningReport.table(figures));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb", "tr"})
    void theCorpusIsBigEnoughAndAThirdInnocent(String language) {
        ScreeningReport.LanguageFigures f = figures.get(language);
        assertThat(f.texts).isGreaterThanOrEqualTo(60);
        assertThat(f.innocent * 3).isGreaterThanOrEqualTo(f.texts);
        f.categories.forEach((category, counts) ->
                assertThat(counts.labelled).as(category.name()).isGreaterThanOrEqualTo(5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb", "tr"})
    void recallIsAtLeastNinetyPercentInEveryCategory(String language) {
        ScreeningReport.LanguageFigures f = figures.get(language);
        f.categories.forEach((category, counts) -> assertThat(counts.recall())
                .as("%s %s recall; missed: %s", language, category, f.misses)
                .isGreaterThanOrEqualTo(0.90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ckb", "tr"})
    void atMostTwoPercentOfInnocentTextsAreFlagged(String language) {
        ScreeningReport.LanguageFigures f = figures.get(language);
        assertThat(f.innocentFlaggedShare())
                .as("%s innocent flagged: %s", language, f.falseAlarms)
                .isLessThanOrEqualTo(0.02);
    }

    @Test
    void everyFindingPointsIntoTheOriginalText() {
        for (String language : ScreeningReport.LANGUAGES) {
            for (ScreeningReport.Sample s : ScreeningReport.corpus(language)) {
                for (Evidence e :
                        SCREENER.screen(s.text(), LanguageTag.of(language)).evidence()) {
                    assertThat(s.text().substring(e.start(), e.end()))
                            .as(s.text())
                            .isEqualTo(e.matched());
                }
            }
        }
    }
}
