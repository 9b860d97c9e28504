package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.Rendition;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A story's featured image as a picture association with renditions, valid in ninjs 2.2 and 3.1. */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.media.filesystem-root=target/media-it", "cms.public-api.base-url=https://api.example.org"})
class FeaturedImageNinjsIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    MediaService media;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    Clock clock;

    @Test
    void theFeaturedImageIsAPictureAssociationInNinjs22And31() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        Article story = MediaMother.publishedWith(
                articles,
                media,
                item,
                LanguageTag.SORANI,
                "بەرەبەیان لە دەریاچەی دووکان",
                "ڕاوچییەکان پێش خۆرهەڵاتن چوونە سەر ئاو.");
        String path = "/v1/articles/" + story.id();

        String v22 = new String(send("GET", path).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, v22)).isEmpty();
        JsonNode picture22 = json.readTree(v22).path("associations").get(0);
        assertThat(picture22.path("type").asString()).isEqualTo("picture");
        assertThat(picture22.path("uri").asString()).isEqualTo("urn:newsroom-cms:media:" + item.id());
        assertThat(picture22.path("descriptions").get(0).path("value").asString())
                .isEqualTo(MediaMother.SORANI.caption());
        assertThat(picture22.path("by").asString()).isEqualTo(MediaMother.SORANI.credit());
        assertThat(picture22.path("renditions")).hasSize(MediaProperties.DEFAULT_RENDITIONS.size());
        JsonNode view22 = rendition(picture22, "view");
        Rendition view = item.rendition("view").orElseThrow();
        assertThat(view22.path("href").asString())
                .isEqualTo("https://api.example.org/v1/media/" + item.id() + "/view?v="
                        + view.sha256().substring(0, 16));
        assertThat(view22.path("width").asInt()).isEqualTo(640);
        assertThat(view22.path("height").asInt()).isEqualTo(360);
        assertThat(view22.path("contenttype").asString()).isEqualTo("image/jpeg");
        assertThat(view22.path("sizeinbytes").asLong()).isEqualTo(view.bytes());

        String v31 = new String(send("GET", path + "?ninjs=3.1").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, v31)).isEmpty();
        JsonNode picture31 = json.readTree(v31).path("associations").get(0);
        assertThat(picture31.path("rel").asString()).isEqualTo("featureimage");
        JsonNode view31 = rendition(picture31, "view");
        assertThat(view31.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(view31.path("sizeInBytes").asLong()).isEqualTo(view.bytes());

        // The href serves the rendition.
        URI href = URI.create(view22.path("href").asString());
        assertThat(send("GET", href.getRawPath() + "?" + href.getRawQuery()).statusCode())
                .isEqualTo(200);
    }

    private static JsonNode rendition(JsonNode picture, String name) {
        for (JsonNode r : picture.path("renditions")) {
            if (r.path("name").asString().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no rendition " + name + " in " + picture);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
