package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
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

    /** The form as a regular expression, as Slug once checked it: the written-out check must agree. */
    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(-[\\p{L}\\p{M}\\p{N}]+)*");

    @Test
    void acceptsExactlyWhatTheRegularExpressionAccepts() {
        List<String> samples = new ArrayList<>(List.of(
                "",
                "-",
                "--",
                "a",
                "a-",
                "-a",
                "a-b",
                "a--b",
                "erbil-opens-library",
                "٣-٤",
                "كتاب-جديد",
                "کتێبخانەی-نوێ",
                "ılık-hava",
                "İzmir",
                "x\u0301",
                "\u0301",
                "a\u200Db",
                "a_b",
                "a.b",
                "a b",
                "a\tb",
                "\uD835\uDC00-b",
                "\uD835",
                "Ⅻ-²",
                "a-\u0651",
                "٪",
                "a\u00ADb"));
        // Random strings over a small alphabet that mixes every kind of character the check tells apart.
        String alphabet = "a-Z9٣ك\u0301\u0651_ .\u200D\u00AD²Ⅻ";
        Random random = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(7); i > 0; i--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        for (String sample : samples) {
            boolean expected = FORM.matcher(sample).matches();
            boolean accepted;
            try {
                new Slug(sample);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertThat(accepted).as("'%s'", sample).isEqualTo(expected);
        }
    }

    @Test
    void refusesMalformedSlugs() {
        assertThatThrownBy(() -> new Slug("two--hyphens")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slug("space here")).isInstanceOf(IllegalArgumentException.class);
    }
}
