package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationGroupId;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TranslatedStory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Collapsed search on real Elasticsearch: a story in English, Arabic, Sorani and Turkish is one hit,
 * in the reader's language when the story has it, else in its original's; the other versions come
 * with it. A lone Turkish story on the same year is a story of its own.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorySearchIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    SearchService search;

    private TranslatedStory.Versions halabja;
    private Article lone;

    /** Once for the class (its tables are emptied only before it); the last test changes them. */
    @BeforeAll
    void twoStories() {
        halabja = TranslatedStory.publish(articles, translations);
        lone = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Diyarbakır'da 1988 yılından fotoğraflar sergileniyor",
                        "Sergi, 1988 kışında çekilmiş siyah beyaz fotoğraflardan oluşuyor.",
                        "Diyarbakır"));
        // Every version, and the re-indexed original, is searchable before any test asks.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<StoryHit> hits = stories("1988", List.of()).hits();
            return hits.size() == 2
                    && hits.stream().anyMatch(s -> s.translations().size() == 3);
        });
    }

    @Test
    void theFourVersionsAreOneStoryInTheReadersLanguageWithTheOthersListed() {
        assertThat(search.search(new SearchQuery("1988", null, 20)).hits()).hasSize(5);

        StoryResults results = stories("1988", List.of("ar"));

        assertThat(results.hits()).hasSize(2);
        StoryHit story = story(results, halabja.english());
        assertThat(story.story()).isEqualTo(group().toString());
        assertThat(story.hit().id()).isEqualTo(halabja.arabic().id());
        assertThat(story.hit().headline()).isEqualTo(halabja.arabic().headline());
        assertThat(story.hit().snippet()).contains("<mark>1988</mark>");
        assertThat(story.translations())
                .extracting(h -> h.language().value())
                .containsExactly("en", "ckb", "tr"); // the original first
        assertThat(story.translations())
                .extracting(SearchHit::id, SearchHit::headline)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        halabja.sorani().id(), halabja.sorani().headline()));
        StoryHit other =
                results.hits().stream().filter(s -> s != story).findFirst().orElseThrow();
        assertThat(other.hit().id()).isEqualTo(lone.id());
        assertThat(other.story()).isEqualTo(lone.id().toString());
        assertThat(other.translations()).isEmpty();
    }

    @Test
    void withoutALanguageTheStoryHasTheOriginalIsShown() {
        assertThat(story(stories("1988", List.of()), halabja.english()).hit().id())
                .isEqualTo(halabja.english().id());
        assertThat(story(stories("1988", List.of("fr", "de")), halabja.english())
                        .hit()
                        .id())
                .isEqualTo(halabja.english().id());
        assertThat(story(stories("1988", List.of("fr", "ckb", "ar")), halabja.english())
                        .hit()
                        .id())
                .isEqualTo(halabja.sorani().id());
    }

    @Test
    void aStoryFoundInOneLanguageIsShownInTheReadersEvenWhereThatVersionDidNotMatch() {
        StoryResults results = stories("library", List.of("ckb"));

        assertThat(results.hits()).hasSize(1);
        StoryHit story = results.hits().getFirst();
        assertThat(story.hit().id()).isEqualTo(halabja.sorani().id());
        assertThat(story.hit().snippet()).doesNotContain("<mark>").isNotBlank(); // the standfirst's opening
        assertThat(story.translations().getFirst().id())
                .isEqualTo(halabja.english().id());
        assertThat(story.translations().getFirst().snippet()).contains("<mark>");
    }

    @Test
    void pagesOfStoriesNeverRepeatAStory() {
        SearchQuery onePerPage = new SearchQuery("1988", null, 1);
        StoryResults first = search.searchStories(onePerPage, List.of("tr"), null);
        StoryResults second = search.searchStories(onePerPage, List.of("tr"), first.next());
        StoryResults third = search.searchStories(onePerPage, List.of("tr"), second.next());

        assertThat(first.hits()).hasSize(1);
        assertThat(second.hits()).hasSize(1);
        assertThat(List.of(
                        first.hits().getFirst().hit().id(),
                        second.hits().getFirst().hit().id()))
                .containsExactlyInAnyOrder(halabja.turkish().id(), lone.id());
        assertThat(third.hits()).isEmpty();
        assertThat(third.next()).isNull();
        assertThat(StoryCursor.parse(first.next().token())).isEqualTo(first.next());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aCorrectionOfTheOriginalAndAnUnpublishedVersionKeepTheStoryWhole() {
        Article english = halabja.english();
        Article corrected = Newsroom.asEditor(() -> articles.correct(
                english.id(),
                english.version(),
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        english.headline(),
                        "The library on the main square holds what survivors of the attack of 16 March 1988"
                                + " gave it. Entry is free.",
                        "Halabja"),
                "The date of the attack is now given in full."));
        Article turkish = halabja.turkish();
        Newsroom.asEditor(() -> articles.unpublish(turkish.id(), turkish.version()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            StoryHit story = story(stories("1988", List.of("tr")), english);
            assertThat(story.story()).isEqualTo(group().toString());
            assertThat(story.hit().id()).isEqualTo(corrected.id()); // no Turkish now: the original
            assertThat(story.translations())
                    .extracting(h -> h.language().value())
                    .containsExactly("ar", "ckb");
        });
    }

    private StoryResults stories(String words, List<String> preferred) {
        return search.searchStories(new SearchQuery(words, null, 20), preferred, null);
    }

    private static StoryHit story(StoryResults results, Article anyVersion) {
        return results.hits().stream()
                .filter(s -> s.hit().id().equals(anyVersion.id())
                        || s.translations().stream().anyMatch(t -> t.id().equals(anyVersion.id())))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no story with " + anyVersion.id() + " in " + results));
    }

    private TranslationGroupId group() {
        return Newsroom.as(
                        Newsroom.EDITOR,
                        () -> translations.find(halabja.english().id()).orElseThrow(),
                        Role.EDITOR)
                .group();
    }
}
