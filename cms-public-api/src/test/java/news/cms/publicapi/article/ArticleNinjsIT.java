package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.FieldDirections;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Published stories in four languages and two scripts come out as valid ninjs 2.2 and 3.1. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArticleNinjsIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PROFILE_31 = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    record Story(LanguageTag language, String headline, String standfirst, String body, String place, String region) {}

    private static final List<Story> STORIES = List.of(
            new Story(
                    LanguageTag.ENGLISH,
                    "Erbil opens a new public library",
                    "Ten thousand books on the first day.",
                    "The library opened on Tuesday.\n\nReaders queued from early morning.",
                    "Erbil",
                    "Kurdistan Region"),
            new Story(
                    LanguageTag.ARABIC,
                    "افتتاح مكتبة عامة جديدة في الموصل",
                    "عشرة آلاف كتاب في اليوم الأول.",
                    "افتتحت المكتبة يوم الثلاثاء.\n\nاصطف القراء منذ الصباح الباكر.",
                    "الموصل",
                    "نينوى"),
            new Story(
                    LanguageTag.SORANI,
                    "کتێبخانەیەکی گشتیی نوێ لە سلێمانی کرایەوە",
                    "دە هەزار کتێب لە یەکەم ڕۆژدا.",
                    "کتێبخانەکە ڕۆژی سێشەممە کرایەوە.\n\nخوێنەران لە بەیانییەوە ڕیزیان بەست.",
                    "سلێمانی",
                    "هەرێمی کوردستان"),
            new Story(
                    LanguageTag.TURKISH,
                    "Diyarbakır'da yeni halk kütüphanesi açıldı",
                    "İlk gün on bin kitap.",
                    "Kütüphane salı günü açıldı.\n\nOkurlar sabahın erken saatlerinden itibaren sıraya girdi.",
                    "Diyarbakır",
                    null));

    @Test
    void fourLanguagesValidateAsNinjs22And31() throws Exception {
        for (Story s : STORIES) {
            Article published = Newsroom.publishedStory(articles, content(s));
            String path = "/v1/articles/" + published.id();
            String uri = "urn:newsroom-cms:article:" + published.id();

            HttpResponse<String> v22 = get(path, null);
            assertThat(v22.statusCode()).isEqualTo(200);
            assertThat(v22.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, v22.body()))
                    .as(s.language() + " 2.2: " + v22.body())
                    .isEmpty();
            JsonNode n22 = json.readTree(v22.body());
            assertThat(n22.path("uri").asString()).isEqualTo(uri);
            assertThat(n22.path("language").asString()).isEqualTo(s.language().value());
            assertThat(n22.path("headlines").get(0).path("value").asString()).isEqualTo(s.headline());
            assertThat(n22.path("descriptions").get(0).path("value").asString()).isEqualTo(s.standfirst());
            assertThat(n22.path("version").asString()).isEqualTo("1");
            assertThat(n22.path("pubstatus").asString()).isEqualTo("usable");
            assertThat(n22.path("slugline").asString())
                    .isEqualTo(published.slug().value());
            assertThat(n22.path("located").asString()).startsWith(s.place());
            assertThat(n22.path("bodies").get(0).path("value").asString())
                    .contains("dir=\"" + s.language().direction().htmlValue() + "\"")
                    .contains("<p dir=\"auto\">");
            assertThat(n22.path("bodies").get(1).path("value").asString())
                    .contains(s.body().split("\n")[0]);

            HttpResponse<String> v31 = get(path + "?ninjs=3.1", null);
            assertThat(v31.statusCode()).isEqualTo(200);
            assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, v31.body()))
                    .as(s.language() + " 3.1: " + v31.body())
                    .isEmpty();
            JsonNode n31 = json.readTree(v31.body());
            assertThat(n31.path("uri").asString())
                    .as("the uri is stable across versions")
                    .isEqualTo(uri);
            assertThat(n31.path("pubStatus").asString()).isEqualTo("usable");
            assertThat(n31.path("headlines").get(0).path("value").asString()).isEqualTo(s.headline());
            assertThat(n31.path("standard").path("version").asString()).isEqualTo("3.1");

            HttpResponse<String> byProfile = get(path, "application/ninjs+json; profile=\"" + PROFILE_31 + "\"");
            assertThat(byProfile.statusCode()).isEqualTo(200);
            assertThat(byProfile.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t ->
                            assertThat(t).startsWith("application/ninjs+json").contains(PROFILE_31));
            assertThat(byProfile.body()).isEqualTo(v31.body());
        }
    }

    private static ArticleContent content(Story s) {
        return new ArticleContent(
                s.language(),
                "culture",
                s.headline(),
                s.standfirst(),
                s.body(),
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline(s.place(), s.region(), null, LocalDate.of(2026, 11, 24)),
                List.of("libraries"),
                FieldDirections.FROM_LANGUAGE);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
