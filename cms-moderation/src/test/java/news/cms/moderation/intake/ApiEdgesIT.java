package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comment API's edges with a real HTTP client against the real server: whatever goes wrong under
 * {@code /v1}, before or inside the controllers, is a problem detail, never the moderators' login
 * redirect, Vaadin's HTML or a 500.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class ApiEdgesIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    Article story;

    @BeforeEach
    void publish() {
        story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "بەفر لە سلێمانی", "بەفرێکی زۆر باری.", "سلێمانی"));
    }

    @Test
    void brokenPercentEncodingInTheQueryIsA400ProblemNotALoginRedirect() throws Exception {
        for (String query : List.of("cursor=%ff", "limit=%c3", "cursor=%C0%AF", "limit=%ED%A0%80")) {
            HttpResponse<String> response = send("GET", comments() + "?" + query, null);
            assertProblem(response, 400);
            assertThat(json.readTree(response.body()).get("type").asString())
                    .as(query)
                    .isEqualTo("https://cms.example/problems/invalid-query");
        }
    }

    @Test
    void methodsTheApiDoesNotServeAre405ProblemsWithAllow() throws Exception {
        for (String method : List.of("PUT", "PATCH", "DELETE")) {
            HttpResponse<String> response = send(method, comments(), "{}");
            assertProblem(response, 405);
            assertThat(response.headers().firstValue("Allow"))
                    .as(method)
                    .hasValueSatisfying(
                            allow -> assertThat(allow).contains("GET", "POST").doesNotContain(method));
        }
        HttpResponse<String> onReceipt = send("DELETE", "/v1/comments/AAAAAAAAAAAAAAAAAAAAAAAA", null);
        assertProblem(onReceipt, 405);
    }

    @Test
    void unknownApiPathsAre404ProblemsNotVaadinPages() throws Exception {
        for (String path : List.of("/v1/", "/v1/nothing-here", "/v1/articles", "/v1/articles/x/comments/y/z")) {
            assertProblem(send("GET", path, null), 404);
        }
        assertProblem(send("POST", "/v1/no-such-thing", "{}"), 404);
    }

    @Test
    void overLongHeadersAndKeysAre400Problems() throws Exception {
        HttpResponse<String> hugeHeader = http.send(
                HttpRequest.newBuilder(uri(comments()))
                        .header("X-Padding", "ü".repeat(12_000))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(hugeHeader, 400);

        HttpResponse<String> longKey = http.send(
                HttpRequest.newBuilder(uri(comments()))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "k".repeat(101))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Rêbîn\",\"text\":\"سڵاو\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(longKey, 400);

        HttpResponse<String> longClientId = http.send(
                HttpRequest.newBuilder(uri(comments()))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "k-1")
                        .header("X-Client-Id", "c".repeat(129))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Rêbîn\",\"text\":\"سڵاو\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(longClientId, 400);
        assertThat(json.readTree(longClientId.body()).get("type").asString())
                .isEqualTo("https://cms.example/problems/client-id-malformed");
    }

    @Test
    void byDefaultNoProxyIsTrustedSoRotatingXForwardedForDoesNotEscapeTheRateLimit() throws Exception {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 15; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri(comments()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "rotate-" + i)
                    .header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"displayName\":\"Dilan\",\"text\":\"Ev hêja ye " + i + "\"}", StandardCharsets.UTF_8))
                    .build();
            statuses.add(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.subList(10, 15)).containsOnly(429);
    }

    private String comments() {
        return "/v1/articles/" + story.id() + "/comments";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", "edge-1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as(response.request().uri().toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith("https://cms.example/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
    }
}
