package news.cms.publicapi.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaText;
import news.cms.core.media.NewMedia;
import news.cms.core.media.Rendition;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /v1/media/{id}/{rendition}} over HTTP: caching, HEAD, 404 problems, embargo and kill. */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.media.filesystem-root=target/media-it", "cms.public-api.base-url=https://api.example.org"})
class MediaEndpointIT {

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
    void aLiveStorysRenditionIsServedImmutableWithAStrongETag() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        Article story = MediaMother.publishedWith(
                articles, media, item, LanguageTag.ARABIC, "قوارب الفجر في دوكان", "خرج الصيادون قبل شروق الشمس.");
        Rendition view = item.rendition("view").orElseThrow();
        String path = "/v1/media/" + item.id() + "/view";

        HttpResponse<byte[]> get = send("GET", path);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get.headers().firstValue("ETag")).hasValue("\"" + view.sha256() + "\"");
        assertThat(get.body()).hasSize((int) view.bytes());
        assertThat(TestPictures.read(get.body()).getWidth()).isEqualTo(640);
        assertThat(TestPictures.hasApp1(get.body())).isFalse();

        HttpResponse<byte[]> again = send("GET", path, "If-None-Match", "\"" + view.sha256() + "\"");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Long.toString(view.bytes()));
        assertThat(head.body()).isEmpty();
        assertThat(story.id()).isNotNull();
    }

    @Test
    void originalsUnknownRenditionsAndUnknownPicturesAre404Problems() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        MediaMother.publishedWith(
                articles,
                media,
                item,
                LanguageTag.TURKISH,
                "Dukan'da şafak vakti",
                "Balıkçılar güneş doğmadan göle açıldı.");
        for (String path : new String[] {
            "/v1/media/" + item.id() + "/original",
            "/v1/media/" + item.id() + "/poster",
            "/v1/media/" + MediaId.random() + "/view",
            "/v1/media/not-a-uuid/view",
            "/v1/media/" + item.id().toString().toUpperCase() + "/view"
        }) {
            HttpResponse<byte[]> r = send("GET", path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(json.readTree(r.body()).path("type").asString()).as(path).endsWith("media-not-found");
        }
    }

    @Test
    void embargoAndKillAreHonoured() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Dawn on Lake Dukan", "Fishers set out before sunrise.", "Dukan"));
        Newsroom.asEditor(() -> {
            media.setFeaturedImage(approved.id(), item.id());
            return approved;
        });
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofHours(3))));
        Article published = Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));
        String path = "/v1/media/" + item.id() + "/thumbnail";

        assertThat(send("GET", path).statusCode()).as("readers, under embargo").isEqualTo(404);
        String key = Api.partnerKey(keys, 100_000, PartnerScope.EMBARGOED);
        HttpResponse<byte[]> partner = send("GET", path, "X-API-Key", key);
        assertThat(partner.statusCode()).isEqualTo(200);
        assertThat(partner.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store").contains("private"));

        Article lifted = Newsroom.asEditor(() -> articles.embargo(published.id(), published.version(), null));
        assertThat(send("GET", path).statusCode()).isEqualTo(200);

        Newsroom.asEditor(() -> articles.kill(lifted.id(), lifted.version(), "The picture shows a private home"));
        assertThat(send("GET", path).statusCode()).isEqualTo(404);
        assertThat(send("GET", path, "X-API-Key", key).statusCode()).isEqualTo(404);
    }

    @Test
    void aRepeatedReadIsAnsweredFromMemoryAsTheFirstWasUntilTheStoryIsKilled() throws Exception {
        MediaItem item = MediaMother.readyPicture(media);
        Article story = MediaMother.publishedWith(
                articles,
                media,
                item,
                LanguageTag.SORANI,
                "بەلەمەکانی بەرەبەیان لە دووکان",
                "ڕاوچییەکان پێش خۆرهەڵاتن چوونە سەر دەریاچەکە.");
        Rendition thumbnail = item.rendition("thumbnail").orElseThrow();
        String path =
                "/v1/media/" + item.id() + "/thumbnail?v=" + thumbnail.sha256().substring(0, 16);

        HttpResponse<byte[]> first = send("GET", path); // the full way, which fills the memory
        HttpResponse<byte[]> second = send("GET", path); // from memory, before Spring Security and MVC
        for (HttpResponse<byte[]> r : List.of(first, second)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(first.body());
            for (String header : List.of(
                    "Content-Type",
                    "Content-Length",
                    "Cache-Control",
                    "ETag",
                    "X-Content-Type-Options",
                    "X-Frame-Options",
                    "RateLimit-Policy")) {
                assertThat(r.headers().firstValue(header))
                        .as(header)
                        .isPresent()
                        .isEqualTo(first.headers().firstValue(header));
            }
        }
        assertThat(send("GET", path, "If-None-Match", "\"" + thumbnail.sha256() + "\"")
                        .statusCode())
                .isEqualTo(304);

        Newsroom.asEditor(() -> articles.kill(story.id(), story.version(), "وێنەکە ماڵێکی تایبەت پیشان دەدات"));
        assertThat(send("GET", path).statusCode()).as("killed: gone at once").isEqualTo(404);
    }

    @Test
    void aWebpUploadIsServedAsJpegRenditions() throws Exception {
        NewMedia harbour = new NewMedia(
                TestPictures.webp("alpha"),
                "image/webp",
                "liman.webp",
                "Newsroom CMS",
                null,
                Map.of(
                        LanguageTag.TURKISH,
                        new MediaText(
                                "Mersin limanında renkli balıkçı tekneleri (çizim).",
                                "Kırmızı vinçlerin önünde, koyu mavi suda beş küçük tekne",
                                "Çizim: Newsroom CMS")),
                FocalPoint.CENTRE);
        MediaItem uploaded = Newsroom.as(Newsroom.REPORTER, () -> media.upload(harbour), Role.REPORTER);
        assertThat(uploaded.format()).isEqualTo(ImageFormat.WEBP);
        MediaItem item = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Newsroom.as(
                                Newsroom.EDITOR, () -> media.find(uploaded.id()).orElseThrow(), Role.EDITOR),
                        m -> m.currentRenditions().size() == MediaProperties.DEFAULT_RENDITIONS.size());
        MediaMother.publishedWith(
                articles,
                media,
                item,
                LanguageTag.TURKISH,
                "Mersin limanı gece de çalışacak",
                "Liman yönetimi yeni vardiyayı pazartesi başlatıyor.");

        for (Rendition r : item.currentRenditions()) {
            HttpResponse<byte[]> get = send("GET", "/v1/media/" + item.id() + "/" + r.name());
            assertThat(get.statusCode()).as(r.name()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).as(r.name()).hasValue("image/jpeg");
            assertThat(TestPictures.read(get.body()).getWidth()).isEqualTo(r.width());
        }
        assertThat(item.rendition("view").orElseThrow().width()).isEqualTo(640);
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
