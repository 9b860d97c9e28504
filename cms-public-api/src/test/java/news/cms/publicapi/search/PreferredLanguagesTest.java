package news.cms.publicapi.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.publicapi.config.InvalidInput;
import org.junit.jupiter.api.Test;

/** Accept-Language as a collapsed search reads it: languages by weight, as primary subtags. */
class PreferredLanguagesTest {

    @Test
    void languagesComeByWeightAsPrimarySubtagsWithoutWildcardsOrRefusals() {
        assertThat(SearchController.preferred("ar;q=0.5, ckb-IQ, tr;q=0.8, *;q=0.1, fr;q=0"))
                .containsExactly("ckb", "tr", "ar");
        assertThat(SearchController.preferred("en-GB, en-US;q=0.9, en;q=0.8")).containsExactly("en");
        assertThat(SearchController.preferred(null)).isEmpty();
        assertThat(SearchController.preferred("  ")).isEmpty();
    }

    @Test
    void aHeaderThatIsNotALanguageListIsRefusedNamingTheHeader() {
        for (String bad : new String[] {"ar;q=2", "tr;q=abc", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t;q=1x"}) {
            assertThatThrownBy(() -> SearchController.preferred(bad)).isInstanceOfSatisfying(InvalidInput.class, e -> {
                assertThat(e.type()).isEqualTo("invalid-header");
                assertThat(e.parameter()).isEqualTo("Accept-Language");
            });
        }
    }
}
