package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The newsroom's own site may read the readers' endpoints from a browser; no other origin, no
 * credentials, and never the partners' change feed. Allow names only methods that work.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "cms.public-api.cors.allowed-origins=https://news.example")
class CorsIT {

    private static final String SITE = "https://news.example";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Test
    void theNewsroomsSiteReadsTheReadersEndpointsWithoutCredentials() throws Exception {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "مكتبة جديدة في كركوك", "افتتحت المكتبة.", "كركوك"));
        RawHttp http = new RawHttp(port);
        for (String path : List.of("/v1/articles/" + story.id(), "/v1/search?q=x", "/v1/feed.atom", "/v1/feed.json")) {
            // Twice for the article: the second comes from the cached fast path.
            for (int i = 0; i < 2; i++) {
                RawHttp.Response r = http.send("GET", path, "Origin: " + SITE);
                assertThat(r.status()).as(path).isEqualTo(200);
                assertThat(r.header("Access-Control-Allow-Origin")).as(path).hasValue(SITE);
                assertThat(r.header("Access-Control-Allow-Credentials"))
                        .as(path)
                        .isEmpty();
                assertThat(r.header("Access-Control-Expose-Headers"))
                        .as(path)
                        .hasValueSatisfying(h -> assertThat(h).contains("ETag", "RateLimit-Remaining", "Retry-After"));
                assertThat(String.join(",", r.headers().get("Vary"))).as(path).contains("Origin");
            }

            RawHttp.Response preflight = http.send(
                    "OPTIONS",
                    path,
                    "Origin: " + SITE,
                    "Access-Control-Request-Method: GET",
                    "Access-Control-Request-Headers: if-none-match");
            assertThat(preflight.status()).as(path).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue(SITE);
            assertThat(preflight.header("Access-Control-Allow-Methods"))
                    .hasValueSatisfying(m -> assertThat(m.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD"));
            assertThat(preflight.header("Access-Control-Allow-Headers"))
                    .hasValueSatisfying(h -> assertThat(h.toLowerCase()).contains("if-none-match"));
            assertThat(preflight.header("Access-Control-Max-Age")).hasValue("3600");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).isEmpty();

            assertProblem(
                    http.send("OPTIONS", path, "Origin: " + SITE, "Access-Control-Request-Method: DELETE"),
                    403,
                    "cors-refused");
            assertProblem(http.send("GET", path, "Origin: https://elsewhere.example"), 403, "cors-refused");
            assertProblem(
                    http.send(
                            "OPTIONS",
                            path,
                            "Origin: " + SITE,
                            "Access-Control-Request-Method: GET",
                            "Access-Control-Request-Headers: x-api-key"),
                    403,
                    "cors-refused");

            RawHttp.Response options = http.send("OPTIONS", path);
            assertThat(options.status()).as(path).isEqualTo(200);
            assertThat(options.header("Allow"))
                    .hasValueSatisfying(
                            a -> assertThat(a.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS"));
        }
    }

    @Test
    void thePartnersFeedIsNotForBrowsers() throws Exception {
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        RawHttp http = new RawHttp(port);
        RawHttp.Response feed = http.send("GET", "/v1/feed", "Origin: " + SITE, "X-API-Key: " + key);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("Access-Control-Allow-Origin")).isEmpty();
        RawHttp.Response preflight =
                http.send("OPTIONS", "/v1/feed", "Origin: " + SITE, "Access-Control-Request-Method: GET");
        assertThat(preflight.header("Access-Control-Allow-Origin"))
                .as("no grant, so the browser refuses")
                .isEmpty();
        HttpResponse<String> docs = new Api(port).get("/v3/api-docs", "Origin", SITE);
        assertThat(docs.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void assertProblem(RawHttp.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(Api.JSON.readTree(r.body()).path("type").asString()).isEqualTo(Api.PROBLEMS + type);
    }
}
