package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/search} checks its parameters before the search engine sees them: dates outside
 * 1900–2200 reached Elasticsearch and answered 500; {@code lang=en-GB} silently found nothing.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchParametersIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Test
    void datesOutsideTheSaneRangeAndOtherBadParametersAre400Problems() throws Exception {
        Api api = new Api(port);
        for (String query : List.of(
                "to=9999-12-31",
                "from=%2B10000-01-01",
                "to=%2B999999999-12-31",
                "from=-999999999-01-01",
                "from=1899-12-31",
                "to=2201-01-01",
                "from=2026-02-30",
                "from=yesterday",
                "from=2026-05-02&to=2026-05-01",
                "limit=0",
                "limit=101",
                "limit=ten",
                "lang=xx-%21%21",
                "lang=qqq",
                "cursor=not-a-cursor")) {
            HttpResponse<String> r = api.get("/v1/search?q=x&" + query);
            JsonNode problem = Api.assertProblem(r, 400, "invalid-parameter");
            assertThat(problem.path("parameter").asString()).as(query).isNotBlank();
        }
        Api.assertProblem(api.get("/v1/search"), 400, "invalid-parameter");
        Api.assertProblem(api.get("/v1/search?q=" + "a".repeat(501)), 400, "invalid-parameter");
        assertThat(api.get("/v1/search?q=x&from=1900-01-01&to=2200-12-31").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLanguageTagWithARegionOrScriptSearchesItsLanguage() throws Exception {
        Article english = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH, "Lighthouse keepers return to Sinop", "Keepers returned.", "Sinop"));
        Article turkish = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Sinop'ta deniz feneri bekçileri", "Bekçiler döndü.", "Sinop"));
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ids(api.get("/v1/search?q=Sinop"))
                        .containsAll(
                                List.of(english.id().toString(), turkish.id().toString())));

        assertThat(ids(api.get("/v1/search?q=Sinop&lang=en-GB")))
                .containsExactly(english.id().toString());
        assertThat(ids(api.get("/v1/search?q=Sinop&lang=en-Latn-US")))
                .containsExactly(english.id().toString());
        assertThat(ids(api.get("/v1/search?q=Sinop&lang=tr-TR")))
                .containsExactly(turkish.id().toString());
        assertThat(ids(api.get("/v1/search?q=Sinop&lang=" + URLEncoder.encode("tr", StandardCharsets.UTF_8))))
                .containsExactly(turkish.id().toString());
    }

    private static List<String> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        Api.JSON
                .readTree(r.body())
                .path("items")
                .forEach(i -> ids.add(i.path("id").asString()));
        return ids;
    }
}
