package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/** Kill, unpublish, bad input and conditional GET on {@code /v1/articles/{id}}. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArticleEndpointIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://cms.example/problems/";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Test
    void aKilledArticleIsGoneWithItsNoticeAndNoText() throws Exception {
        Article a = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Van Gölü'nde rekor su seviyesi", "Gizli ayrıntı.", "Van"));
        assertThat(get("/v1/articles/" + a.id()).statusCode()).isEqualTo(200);

        Newsroom.asEditor(() -> articles.kill(a.id(), a.version(), "Legal advice: the figures were wrong"));

        HttpResponse<String> gone = get("/v1/articles/" + a.id());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertProblem(gone, "article-killed");
        JsonNode problem = json.readTree(gone.body());
        assertThat(problem.path("killNotice").asString()).isEqualTo("Legal advice: the figures were wrong");
        assertThat(problem.path("uri").asString()).isEqualTo("urn:newsroom-cms:article:" + a.id());
        assertThat(gone.body()).doesNotContain("Gizli", "Van Gölü");
    }

    @Test
    void anArticleIsFoundByItsNinjsUriAsByItsId() throws Exception {
        Article a = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "بەفر لە پێنجوێن", "ڕێگاکان کراوەن.", "پێنجوێن"));

        HttpResponse<String> byId = get("/v1/articles/" + a.id());
        HttpResponse<String> byUri = get("/v1/articles/urn:newsroom-cms:article:" + a.id());

        assertThat(byUri.statusCode()).isEqualTo(200);
        assertThat(byUri.body()).isEqualTo(byId.body());
        assertThat(json.readTree(byUri.body()).path("uri").asString()).isEqualTo("urn:newsroom-cms:article:" + a.id());
        assertProblem(get("/v1/articles/urn:other:article:" + a.id()), "invalid-article-id");
    }

    @Test
    void anUnpublishedArticleIsNotFound() throws Exception {
        Article a = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "خبر سيسحب", "نص الخبر.", "بغداد"));
        assertThat(get("/v1/articles/" + a.id()).statusCode()).isEqualTo(200);
        Newsroom.asEditor(() -> articles.unpublish(a.id(), a.version()));

        HttpResponse<String> withheld = get("/v1/articles/" + a.id());
        assertThat(withheld.statusCode()).isEqualTo(404);
        assertProblem(withheld, "article-not-found");
        assertThat(withheld.body()).doesNotContain("نص الخبر");
    }

    @Test
    void badInputGetsProblemDetails() throws Exception {
        HttpResponse<String> unknown = get("/v1/articles/00000000-0000-4000-8000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "article-not-found");

        HttpResponse<String> malformed = get("/v1/articles/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed, "invalid-article-id");

        Article a = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Dam repairs finish early", "Text.", "Dukan"));
        HttpResponse<String> html = get("/v1/articles/" + a.id(), Map.of("Accept", "text/html"));
        assertThat(html.statusCode()).isEqualTo(406);
        assertProblem(html, "not-acceptable");

        HttpResponse<String> version = get("/v1/articles/" + a.id() + "?ninjs=9.9");
        assertThat(version.statusCode()).isEqualTo(400);
        assertProblem(version, "invalid-parameter");

        HttpResponse<String> brokenAccept = get("/v1/articles/" + a.id(), Map.of("Accept", "no/such/type"));
        assertThat(brokenAccept.statusCode()).isEqualTo(400);
        assertProblem(brokenAccept, "invalid-header");
    }

    /**
     * UUID parsing alone reads upper case, Arabic-Indic digits and {@code 1-1-1-1-1} as ids, which
     * served one story under several URLs; only the canonical lowercase form is an id now.
     */
    @Test
    void onlyTheCanonicalLowercaseUuidNamesAStory() throws Exception {
        Article a = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "معرض الكتاب في أربيل", "افتتح المعرض.", "أربيل"));
        String id = a.id().toString();
        assertThat(get("/v1/articles/" + id).statusCode()).isEqualTo(200);

        StringBuilder arabicIndic = new StringBuilder();
        for (char c : id.toCharArray()) {
            arabicIndic.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
        }
        for (String other : java.util.List.of(
                id.toUpperCase(java.util.Locale.ROOT),
                java.net.URLEncoder.encode(arabicIndic.toString(), java.nio.charset.StandardCharsets.UTF_8),
                "1-1-1-1-1",
                "0-0-0-0-0",
                "%7B" + id + "%7D",
                id.replace("-", ""),
                "urn:newsroom-cms:article:" + id.toUpperCase(java.util.Locale.ROOT))) {
            HttpResponse<String> r = get("/v1/articles/" + other);
            assertThat(r.statusCode()).as(other).isEqualTo(400);
            assertProblem(r, "invalid-article-id");
            assertThat(r.body()).doesNotContain("افتتح المعرض");
        }
    }

    @Test
    void conditionalGetAnswers304UntilACorrectionChangesTheETag() throws Exception {
        Article a = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "باران لە هەولێر", "باران بە خوڕ بارى.", "هەولێر"));
        String path = "/v1/articles/" + a.id();

        HttpResponse<String> first = get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(first.headers().firstValue("Vary"))
                .hasValueSatisfying(v -> assertThat(v).contains("Accept"));

        HttpResponse<String> again = get(path);
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(again.body()).isEqualTo(first.body());

        HttpResponse<String> byTag = get(path, Map.of("If-None-Match", etag));
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<String> byDate = get(path, Map.of("If-Modified-Since", lastModified));
        assertThat(byDate.statusCode()).isEqualTo(304);

        HttpResponse<String> v31 = get(path + "?ninjs=3.1", Map.of("If-None-Match", etag));
        assertThat(v31.statusCode()).as("3.1 is another representation").isEqualTo(200);
        assertThat(v31.headers().firstValue("ETag")).isNotEqualTo(etag);

        var corrected = Newsroom.story(LanguageTag.SORANI, "باران لە هەولێر", "باران بە خوڕ بارى.", "هەولێر");
        Newsroom.asEditor(() -> articles.correct(a.id(), a.version(), corrected, "ناوی شار ڕاست کرایەوە"));

        HttpResponse<String> after = get(path, Map.of("If-None-Match", etag));
        assertThat(after.statusCode())
                .as("the cache was evicted by the correction")
                .isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isNotEqualTo(etag);
        JsonNode n = json.readTree(after.body());
        assertThat(n.path("version").asString()).isEqualTo("2");
        assertThat(n.path("descriptions").findValuesAsString("value")).contains("ناوی شار ڕاست کرایەوە");
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo(PROBLEMS + type);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
