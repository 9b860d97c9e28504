package news.cms.publicapi.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaService;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The picture store (S3, a real S3-compatible server in a child JVM) going down under a running
 * public API: a rendition already served keeps being served from memory, one never read answers a
 * 503 {@code media-store-unavailable} problem with {@code Retry-After}, never a 500.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.media.store=s3", "cms.public-api.base-url=https://api.example.org"})
class MediaStoreOutageIT {

    static final S3ProxyServer SERVER = S3ProxyServer.start();
    static final String BUCKET = "cms-media-outage-it";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        SERVER.serve(BUCKET, registry);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    MediaService media;

    @Test
    void aRenditionServedBeforeStaysAndOneNeverReadIsA503Problem() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        Article story = MediaMother.publishedWith(
                articles,
                media,
                item,
                LanguageTag.SORANI,
                "بەلەمەکانی بەرەبەیان لە دوکان",
                "ڕاوچییەکان پێش خۆرهەڵات ڕۆیشتن.");
        String view = "/v1/media/" + item.id() + "/view";
        String thumbnail = "/v1/media/" + item.id() + "/thumbnail";
        HttpResponse<byte[]> before = get(view);
        assertThat(before.statusCode()).as("story %s", story.id()).isEqualTo(200);

        SERVER.stop();

        HttpResponse<byte[]> kept = get(view);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).isEqualTo(before.body());

        HttpResponse<byte[]> unread = get(thumbnail);
        assertThat(unread.statusCode()).isEqualTo(503);
        assertThat(unread.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unread.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isPositive());
        var problem = Api.JSON.readTree(unread.body());
        assertThat(problem.path("type").asString()).isEqualTo(Api.PROBLEMS + "media-store-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString()).doesNotContain(BUCKET); // nothing of the inside
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
