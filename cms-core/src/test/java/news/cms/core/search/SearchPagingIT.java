package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search pages with search_after cursors, and filters by section and publication date. */
@CmsIntegrationTest
class SearchPagingIT {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Test
    void pagesThroughEveryHitOnceAndFiltersBySectionAndDate() {
        Instant before = Instant.now();
        List<Article> published = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ArticleContent story =
                    Newsroom.story(LanguageTag.SORANI, "باران لە ناوچەی " + i, "بارانێکی زۆر باری لە ناوچەکە.", "زاخۆ");
            ArticleContent inSection = new ArticleContent(
                    story.language(),
                    i < 3 ? "weather" : "news",
                    story.headline(),
                    story.standfirst(),
                    story.body(),
                    story.bylines(),
                    story.dateline());
            published.add(Newsroom.publishedStory(articles, inSection));
        }
        SearchQuery query = new SearchQuery("باران", LanguageTag.SORANI, null, null, null, null, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> collect(query).size() == 7);

        Set<String> seen = new HashSet<>();
        List<SearchHit> all = collect(query);
        all.forEach(
                h -> assertThat(seen.add(h.id().toString())).as("no hit twice").isTrue());
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        published.stream().map(a -> a.id().toString()).toList());

        SearchQuery weather = new SearchQuery("باران", LanguageTag.SORANI, "weather", null, null, null, 10);
        assertThat(search.search(weather).hits()).hasSize(3);
        SearchQuery future =
                new SearchQuery("باران", LanguageTag.SORANI, null, Instant.now().plusSeconds(3600), null, null, 10);
        assertThat(search.search(future).hits()).isEmpty();
        SearchQuery sinceStart =
                new SearchQuery("باران", LanguageTag.SORANI, null, before.minusSeconds(1), null, null, 10);
        assertThat(search.search(sinceStart).hits()).hasSize(7);
    }

    private List<SearchHit> collect(SearchQuery first) {
        List<SearchHit> hits = new ArrayList<>();
        SearchQuery query = first;
        for (int page = 0; page < 10; page++) {
            SearchResults results = search.search(query);
            hits.addAll(results.hits());
            if (results.next() == null) {
                break;
            }
            query = query.after(results.next());
        }
        return hits;
    }
}
