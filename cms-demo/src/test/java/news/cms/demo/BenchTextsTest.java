package news.cms.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import news.cms.core.article.ArticleContent;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

class BenchTextsTest {

    @Test
    void storiesTakeTheFourLanguagesInTurnAndAreTheSameEveryTime() {
        assertThat(LongStream.range(0, 8)
                        .mapToObj(n -> BenchTexts.story(n).language().value()))
                .containsExactly("en", "ar", "ckb", "tr", "en", "ar", "ckb", "tr");
        assertThat(BenchTexts.story(12345)).isEqualTo(BenchTexts.story(12345));
    }

    @Test
    void storiesDifferFromEachOther() {
        Set<String> headlines = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        for (long n = 0; n < 1_000; n++) {
            ArticleContent story = BenchTexts.story(n);
            headlines.add(story.headline());
            bodies.add(story.body());
            assertThat(story.body()).doesNotContain("{");
        }
        assertThat(bodies).hasSize(1_000);
        assertThat(headlines).hasSizeGreaterThan(900);
    }

    @Test
    void aRareNameIsSharedByOneGroupOfStoriesOnly() {
        int group = BenchTexts.RARE_GROUP;
        String name = BenchTexts.rareName(LanguageTag.ARABIC, 7);
        for (long n = 0; n < 40 * group; n++) {
            ArticleContent story = BenchTexts.story(n);
            boolean mentions = story.body().contains(" " + name + " ");
            boolean inGroup = n / group == 7 && story.language().equals(LanguageTag.ARABIC);
            assertThat(mentions).as("story %d", n).isEqualTo(inGroup);
        }
        assertThat(BenchTexts.rareName(LanguageTag.SORANI, 7)).isNotEqualTo(name);
        assertThat(BenchTexts.rareName(LanguageTag.ENGLISH, 7)).matches("[A-Z][a-z]+");
    }

    @Test
    void uniqueWordsAreUniqueAndAppearInTheirStory() {
        Set<String> words = new HashSet<>();
        for (long n = 0; n < 100_000; n++) {
            words.add(BenchTexts.uniqueWord(n));
        }
        assertThat(words).hasSize(100_000).allMatch(w -> w.matches("q[a-z]{7,}x"));
        ArticleContent story = BenchTexts.story(3, BenchTexts.uniqueWord(3));
        assertThat(story.headline()).contains(BenchTexts.uniqueWord(3));
        assertThat(story.body()).startsWith(BenchTexts.uniqueWord(3));
    }
}
