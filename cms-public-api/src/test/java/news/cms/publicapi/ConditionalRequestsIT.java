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
 * RFC 9110 section 13 on every endpoint that serves validators: If-Match (also {@code *}) and
 * If-Unmodified-Since before anything else, 412 problem when they fail (JSON Feed once answered
 * 200 to a failed If-Match); If-None-Match {@code *} matches any current representation (304).
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConditionalRequestsIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Test
    void preconditionsHoldOnEveryEndpointWithValidators() throws Exception {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Van'da kar tatili", "Okullar kapalı.", "Van"));
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        Api api = new Api(port);
        for (String path : List.of(
                "/v1/articles/" + story.id(), "/v1/feed", "/v1/feed.atom", "/v1/feed.json", "/v1/search?q=kar")) {
            HttpResponse<String> current = api.get(path, "X-API-Key", key);
            assertThat(current.statusCode()).as(path).isEqualTo(200);
            String etag = current.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> anyMatch = api.get(path, "X-API-Key", key, "If-None-Match", "*");
            assertThat(anyMatch.statusCode()).as(path + " If-None-Match: *").isEqualTo(304);
            assertThat(anyMatch.body()).isEmpty();

            assertThat(api.get(path, "X-API-Key", key, "If-Match", "*").statusCode())
                    .as(path + " If-Match: *")
                    .isEqualTo(200);
            assertThat(api.get(path, "X-API-Key", key, "If-Match", "\"other\", " + etag)
                            .statusCode())
                    .as(path + " If-Match with the current ETag among others")
                    .isEqualTo(200);
            Api.assertProblem(api.get(path, "X-API-Key", key, "If-Match", "\"other\""), 412, "precondition-failed");
            Api.assertProblem(api.get(path, "X-API-Key", key, "If-Match", "W/" + etag), 412, "precondition-failed");
            // If-Match wins over If-None-Match: a failed If-Match is 412 even if the other would be 304.
            Api.assertProblem(
                    api.get(path, "X-API-Key", key, "If-Match", "\"other\"", "If-None-Match", etag),
                    412,
                    "precondition-failed");
            if (current.headers().firstValue("Last-Modified").isPresent()) {
                Api.assertProblem(
                        api.get(path, "X-API-Key", key, "If-Unmodified-Since", "Sat, 01 Jan 2000 00:00:00 GMT"),
                        412,
                        "precondition-failed");
            }
        }
        // Without a key, an article may come from the cached fast path: the same rules hold there.
        HttpResponse<String> reader = api.get("/v1/articles/" + story.id());
        assertThat(api.get("/v1/articles/" + story.id(), "If-None-Match", "*").statusCode())
                .isEqualTo(304);
        Api.assertProblem(api.get("/v1/articles/" + story.id(), "If-Match", "\"other\""), 412, "precondition-failed");
        assertThat(api.get(
                                "/v1/articles/" + story.id(),
                                "If-Match",
                                reader.headers().firstValue("ETag").orElseThrow())
                        .statusCode())
                .isEqualTo(200);
    }
}
