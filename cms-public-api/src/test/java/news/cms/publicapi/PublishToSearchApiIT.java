package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end on real engines: a draft is not served, publishing goes through
 * the outbox into the index, and {@code /v1/search} finds the story in its own script.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublishToSearchApiIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void draftToPublishedToOutboxToIndexToSearchInSoraniAndTurkish() throws Exception {
        Article sorani = Newsroom.approvedStory(
                articles,
                Newsroom.story(
                        LanguageTag.SORANI,
                        "پردی نوێی سەر ڕووباری زێ کرایەوە",
                        "ئەندازیاران دەڵێن پردەکە ڕێگای نێوان دوو گوندەکە کورت دەکاتەوە.",
                        "کۆیە"));
        Article turkish = Newsroom.approvedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Mardin'de taş evler yeniden canlanıyor",
                        "Ustalar eski konakların cephelerini onarıyor.",
                        "Mardin"));

        assertThat(get("/v1/articles/" + sorani.id()).statusCode())
                .as("an approved story is not public before it is published")
                .isEqualTo(404);

        Newsroom.asEditor(() -> articles.publish(sorani.id(), sorani.version()));
        Newsroom.asEditor(() -> articles.publish(turkish.id(), turkish.version()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(searchIds("پردەکە", "ckb")).contains(sorani.id().toString());
            assertThat(searchIds("konakların", "tr")).contains(turkish.id().toString());
        });
        // Counted for the search indexer: each listener of an event has its own entry.
        assertThat(jdbc.sql("select count(*) from event_publication where completion_date is not null"
                                + " and listener_id like '%ArticleIndexer%'")
                        .query(Integer.class)
                        .single())
                .as("the outbox recorded and completed every command of both stories")
                .isEqualTo(8);

        HttpResponse<String> article = get("/v1/articles/" + sorani.id());
        assertThat(article.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(article.body());
        assertThat(body.path("headlines").get(0).path("value").asString())
                .isEqualTo("پردی نوێی سەر ڕووباری زێ کرایەوە");
        assertThat(body.path("bodies").get(0).path("value").asString()).startsWith("<div lang=\"ckb\" dir=\"rtl\">");
        assertThat(body.path("people").get(0).path("name").asString()).isEqualTo("Rezan Ahmed");
    }

    @Test
    void badInputGetsAProblemDetail() throws Exception {
        HttpResponse<String> notAnId = get("/v1/articles/not-a-uuid");
        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> unknown = get("/v1/articles/00000000-0000-4000-8000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asString()).endsWith("/article-not-found");

        assertThat(get("/v1/search?q=").statusCode()).isEqualTo(400);
        assertThat(get("/v1/search?q=" + "x".repeat(600)).statusCode()).isEqualTo(400);
        assertThat(get("/v1/search?q=a&lang=not%20a%20language").statusCode()).isEqualTo(400);
        for (String bad : List.of("q=a&from=yesterday", "q=a&cursor=forged", "q=a&limit=0", "q=a&limit=many")) {
            HttpResponse<String> r = get("/v1/search?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        // Query syntax is never parsed: what would break a query DSL is searched as plain words.
        for (String dsl : List.of("title:(a AND \"", "*?~^{[/\\", "کتێب OR) كتاب", "\u0000<script>")) {
            HttpResponse<String> r = get("/v1/search?q=" + URLEncoder.encode(dsl, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(dsl).isEqualTo(200);
            assertThat(r.headers().firstValue("ETag")).isPresent();
        }
    }

    private List<String> searchIds(String query, String lang) throws Exception {
        HttpResponse<String> response =
                get("/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&lang=" + lang);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body())
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
