package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TranslatedStory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/search?collapse=translation} on real engines: a story published in English, Arabic,
 * Sorani and Turkish is one hit, in the language the reader asks for ({@code lang}, else
 * Accept-Language, else the original's), with the other versions listed; bad values are problems.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollapsedSearchIT {

    private static final String SEARCH = "/v1/search?q=1988&collapse=translation";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    private Api api;
    private TranslatedStory.Versions halabja;

    @BeforeAll
    void aStoryInFourLanguages() {
        api = new Api(port);
        halabja = TranslatedStory.publish(articles, translations);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> items(api.get(SEARCH)).size() == 1
                        && items(api.get(SEARCH))
                                        .getFirst()
                                        .path("translations")
                                        .size()
                                == 3);
    }

    @Test
    void withoutCollapseEveryVersionIsAHit() throws Exception {
        assertThat(items(api.get("/v1/search?q=1988"))).hasSize(4);
    }

    @Test
    void theLangParameterPicksTheVersionAndTheOthersAreListedWithTheirUris() throws Exception {
        HttpResponse<String> r = api.get(SEARCH + "&lang=ckb-IQ", "Accept-Language", "tr");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode hit = items(r).getFirst();
        assertThat(hit.path("id").asString()).isEqualTo(halabja.sorani().id().toString());
        assertThat(hit.path("language").asString()).isEqualTo("ckb");
        assertThat(hit.path("headline").asString()).isEqualTo(halabja.sorani().headline());
        assertThat(hit.path("snippet").asString()).contains("<mark>1988</mark>");
        assertThat(hit.path("story").asString()).isEqualTo(group());
        List<String> listed = new ArrayList<>();
        for (JsonNode t : hit.path("translations")) {
            listed.add(t.path("language").asString() + " " + t.path("id").asString() + " "
                    + t.path("uri").asString() + " " + t.path("headline").asString());
        }
        assertThat(listed)
                .containsExactly(
                        line(halabja.english()), line(halabja.arabic()), line(halabja.turkish())); // original first
        assertThat(r.headers().allValues("Vary")).noneMatch(v -> v.contains("Accept-Language"));
    }

    @Test
    void withoutLangTheReadersAcceptLanguageDecidesAndTheResponseVariesOnIt() throws Exception {
        HttpResponse<String> turkish = api.get(SEARCH, "Accept-Language", "fr-FR, tr;q=0.9, ar;q=0.8, *;q=0.1");
        HttpResponse<String> arabic = api.get(SEARCH, "Accept-Language", "ar-IQ");

        assertThat(items(turkish).getFirst().path("id").asString())
                .isEqualTo(halabja.turkish().id().toString());
        assertThat(items(arabic).getFirst().path("id").asString())
                .isEqualTo(halabja.arabic().id().toString());
        assertThat(String.join(",", turkish.headers().allValues("Vary"))).contains("Accept-Language");
        assertThat(turkish.headers().firstValue("ETag"))
                .isNotEqualTo(arabic.headers().firstValue("ETag"));
    }

    @Test
    void aLanguageTheStoryLacksFallsBackToItsOriginal() throws Exception {
        assertThat(items(api.get(SEARCH, "Accept-Language", "fr, de;q=0.5"))
                        .getFirst()
                        .path("id")
                        .asString())
                .isEqualTo(halabja.english().id().toString());
        assertThat(items(api.get(SEARCH)).getFirst().path("id").asString())
                .isEqualTo(halabja.english().id().toString());
        assertThat(items(api.get(SEARCH + "&lang=fa"))
                        .getFirst()
                        .path("language")
                        .asString())
                .isEqualTo("en");
    }

    @Test
    void badValuesAreProblemsNamingWhatWasWrong() throws Exception {
        for (String value : List.of("story", "TRANSLATION", "translation,language")) {
            JsonNode problem = Api.assertProblem(
                    api.get("/v1/search?q=1988&collapse=" + value.replace(",", "%2C")), 400, "invalid-parameter");
            assertThat(problem.path("parameter").asString()).isEqualTo("collapse");
        }
        JsonNode header = Api.assertProblem(api.get(SEARCH, "Accept-Language", "ar;q=2"), 400, "invalid-header");
        assertThat(header.path("parameter").asString()).isEqualTo("Accept-Language");
        JsonNode lang = Api.assertProblem(api.get(SEARCH + "&lang=qqx"), 400, "invalid-parameter");
        assertThat(lang.path("parameter").asString()).isEqualTo("lang");
        // A cursor of plain results does not page collapsed ones.
        String plainNext = Api.JSON
                .readTree(api.get("/v1/search?q=1988&limit=1").body())
                .path("next")
                .asString();
        JsonNode cursor = Api.assertProblem(api.get(SEARCH + "&cursor=" + plainNext), 400, "invalid-parameter");
        assertThat(cursor.path("parameter").asString()).isEqualTo("cursor");
    }

    private static String line(Article a) {
        return a.language().value() + " " + a.id() + " urn:newsroom-cms:article:" + a.id() + " " + a.headline();
    }

    private String group() {
        return Newsroom.as(
                        Newsroom.EDITOR,
                        () -> translations.find(halabja.english().id()).orElseThrow(),
                        Role.EDITOR)
                .group()
                .toString();
    }

    private static List<JsonNode> items(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        Api.JSON.readTree(r.body()).path("items").forEach(items::add);
        return items;
    }
}
