package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Publishing goes through the outbox into the search index, and each language finds its own story. */
@CmsIntegrationTest
class PublishAndSearchIT {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPublishedStoryInEachLanguageIsFoundByAQueryInThatLanguage() {
        Article english = publish(
                LanguageTag.ENGLISH,
                "Ferry service returns to the Bosphorus at dawn",
                "Commuters crowded the piers before sunrise.",
                "Istanbul");
        Article arabic = publish(
                LanguageTag.ARABIC,
                "افتتاح جسر جديد فوق نهر دجلة في الموصل",
                "قال المهندسون إن الجسر يختصر الطريق بين ضفتي المدينة.",
                "الموصل");
        Article sorani = publish(
                LanguageTag.SORANI,
                "کتێبخانەی نوێ لە هەولێر کرایەوە",
                "خوێندکاران دەتوانن هەموو شەوێک لە کتێبخانەکە بخوێنن.",
                "هەولێر");
        Article turkish = publish(
                LanguageTag.TURKISH,
                "Van Gölü kıyısında kuş gözlem evi açıldı",
                "Gözlemciler ilk gün yüzlerce flamingo saydı.",
                "Van");

        awaitFound("ferry", english);
        awaitFound("جسر", arabic);
        // Typed once with the Arabic kaf (ك), once with keheh (ک) as the story is written.
        awaitFound("خوێندكاران", sorani);
        awaitFound("خوێندکاران", sorani);
        awaitFound("flamingo", turkish);

        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
                        .query(Integer.class)
                        .single())
                .as("every outbox entry completed")
                .isZero();
        assertThat(jdbc.sql("select count(*) from event_publication")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDraftIsNotSearchable() {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.ENGLISH, "Unpublished zeppelin sighting", "Nobody should find this yet.", "Ankara")));
        Article published = publish(
                LanguageTag.ENGLISH, "Published zeppelin museum opens", "The museum shows zeppelin models.", "Ankara");

        awaitFound("zeppelin", published);
        assertThat(search.search(SearchQuery.of("zeppelin")).hits())
                .extracting(SearchHit::id)
                .doesNotContain(draft.id());
    }

    /**
     * The index lags PostgreSQL while the outbox catches up after an outage (bench/faults): a story
     * killed meanwhile is still in the index, and search must not serve it. Here the kill is written
     * past the outbox, so the index keeps the story for good.
     */
    @Test
    void aStoryKilledWhileTheIndexLagsIsNeverServed() {
        Article kept =
                publish(LanguageTag.SORANI, "پردی نوێی دوکان کرایەوە", "ماسیگرەکان بەیانی زوو پەڕینەوە.", "دوکان");
        Article killed = publish(LanguageTag.SORANI, "پردی کۆنی دوکان داخرا", "ماسیگرەکان ڕێگایەکی تر دەگرن.", "دوکان");
        awaitFound("ماسیگرەکان", kept);
        awaitFound("ماسیگرەکان", killed);

        jdbc.sql("update article set state = 'KILLED', kill_reason = 'سەرچاوەکە هەڵە بوو' where id = ?")
                .param(killed.id().value())
                .update();

        assertThat(search.search(new SearchQuery("ماسیگرەکان", LanguageTag.SORANI, 10))
                        .hits())
                .extracting(SearchHit::id)
                .contains(kept.id())
                .doesNotContain(killed.id());
        assertThat(search.searchStories(SearchQuery.of("ماسیگرەکان"), List.of("ckb"), null)
                        .hits())
                .extracting(h -> h.hit().id())
                .contains(kept.id())
                .doesNotContain(killed.id());
    }

    private void awaitFound(String query, Article expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SearchHit> hits = search.search(new SearchQuery(query, expected.language(), 10))
                    .hits();
            assertThat(hits).extracting(SearchHit::id).contains(expected.id());
            SearchHit hit = hits.stream()
                    .filter(h -> h.id().equals(expected.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(hit.snippet()).contains("<mark>");
            assertThat(hit.headline()).isEqualTo(expected.headline());
        });
    }

    private Article publish(LanguageTag language, String headline, String body, String place) {
        return Newsroom.publishedStory(articles, Newsroom.story(language, headline, body, place));
    }
}
