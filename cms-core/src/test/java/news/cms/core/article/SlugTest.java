package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlugTest {

    @Test
    void keepsLettersOfEveryScript() {
        assertThat(Slug.fromHeadline("Erbil's new library: open 24/7", Locale.ENGLISH)
                        .value())
                .isEqualTo("erbil-s-new-library-open-24-7");
        assertThat(Slug.fromHeadline("کتێبخانەی نوێ لە هەولێر", Locale.forLanguageTag("ckb"))
                        .value())
                .isEqualTo("کتێبخانەی-نوێ-لە-هەولێر");
        assertThat(Slug.fromHeadline("İzmir'de ILIK hava", Locale.forLanguageTag("tr"))
                        .value())
                .isEqualTo("izmir-de-ılık-hava");
    }

    @Test
    void staysWithinTheLimitWithASuffix() {
        Slug longSlug = Slug.fromHeadline("word ".repeat(60), Locale.ENGLISH);
        assertThat(longSlug.value()).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(longSlug.withSuffix("1a2b3c4d").value())
                .hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH)
                .endsWith("-1a2b3c4d");
    }

    @Test
    void refusesMalformedSlugs() {
        assertThatThrownBy(() -> new Slug("two--hyphens")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slug("space here")).isInstanceOf(IllegalArgumentException.class);
    }
}
