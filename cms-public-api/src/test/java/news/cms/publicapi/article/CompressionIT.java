package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public API's cached representations (article, change-feed page, Atom, JSON Feed) gzip-encoded
 * for clients that ask (docs/adr/0034): the bytes decompress to exactly the identity body, the
 * ETag differs per encoding and If-None-Match works for each, {@code Vary: Accept-Encoding}
 * always, HEAD like GET, identity for clients that do not ask; and a cached article is compressed
 * once, not per request.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CompressionIT {

    private static final String BROWSER = "gzip, deflate, br, zstd";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    ArticleRepresentations representations;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyCachedRepresentationIsServedGzippedToClientsThatAskAndIdentityToOthers() throws Exception {
        Article ar = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC,
                        "افتتاح معرض الكتاب في أربيل",
                        "افتتح معرض الكتاب أبوابه للزوار. ".repeat(30),
                        "أربيل"));
        Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.SORANI,
                        "پێشانگای کتێب لە هەولێر کرایەوە",
                        "پێشانگاکە دەرگاکانی بۆ میوانان کردەوە. ".repeat(30),
                        "هەولێر"));
        Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Erbil'de kitap fuarı açıldı",
                        "Fuar kapılarını ziyaretçilere açtı. ".repeat(30),
                        "Erbil"));
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        for (String path : List.of(
                "/v1/articles/" + ar.id(),
                "/v1/feed?limit=50",
                "/v1/feed.atom",
                "/v1/feed.atom?lang=ar",
                "/v1/feed.json")) {
            String[] keyed = {"X-API-Key", key};

            HttpResponse<byte[]> identity = get(path, keyed);
            assertThat(identity.statusCode()).as(path).isEqualTo(200);
            assertThat(identity.headers().firstValue("Content-Encoding"))
                    .as(path + ": identity for a client that does not ask")
                    .isEmpty();
            assertThat(varies(identity)).as(path).contains("Accept-Encoding");
            String identityTag = identity.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> gzip = get(path, with(keyed, "Accept-Encoding", BROWSER));
            assertThat(gzip.statusCode()).as(path).isEqualTo(200);
            assertThat(gzip.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(varies(gzip)).as(path).contains("Accept-Encoding");
            assertThat(gunzip(gzip.body()))
                    .as(path + ": decompresses to the identity body")
                    .isEqualTo(identity.body());
            assertThat(gzip.body().length).as(path + ": smaller").isLessThan(identity.body().length);
            assertThat(gzip.headers().firstValue("Content-Length")).hasValue(Integer.toString(gzip.body().length));
            String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipTag).as(path + ": an ETag per encoding").isNotEqualTo(identityTag);
            assertThat(gzip.headers().firstValue("Last-Modified"))
                    .isEqualTo(identity.headers().firstValue("Last-Modified"));

            // Each encoding revalidates with its own ETag, and only with it.
            HttpResponse<byte[]> gzip304 = get(path, with(keyed, "Accept-Encoding", "gzip", "If-None-Match", gzipTag));
            assertThat(gzip304.statusCode()).as(path).isEqualTo(304);
            assertThat(gzip304.headers().firstValue("ETag")).hasValue(gzipTag);
            assertThat(varies(gzip304)).as(path).contains("Accept-Encoding");
            HttpResponse<byte[]> identity304 = get(path, with(keyed, "If-None-Match", identityTag));
            assertThat(identity304.statusCode()).as(path).isEqualTo(304);
            assertThat(identity304.headers().firstValue("ETag")).hasValue(identityTag);
            HttpResponse<byte[]> otherTag = get(path, with(keyed, "If-None-Match", gzipTag));
            assertThat(otherTag.statusCode())
                    .as(path + ": the gzip tag does not validate the identity body")
                    .isEqualTo(200);
            assertThat(otherTag.body()).isEqualTo(identity.body());
            HttpResponse<byte[]> otherWay =
                    get(path, with(keyed, "Accept-Encoding", "gzip", "If-None-Match", identityTag));
            assertThat(otherWay.statusCode()).as(path).isEqualTo(200);
            assertThat(otherWay.headers().firstValue("ETag")).hasValue(gzipTag);

            // HEAD gives GET's headers.
            HttpResponse<byte[]> head = send("HEAD", path, with(keyed, "Accept-Encoding", "gzip"));
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            for (String header :
                    List.of("Content-Encoding", "ETag", "Content-Length", "Content-Type", "Last-Modified")) {
                assertThat(head.headers().firstValue(header))
                        .as(path + " HEAD " + header)
                        .isEqualTo(gzip.headers().firstValue(header));
            }
            assertThat(varies(head)).contains("Accept-Encoding");
        }
    }

    @Test
    void qualityValuesDecide() throws Exception {
        Article tr = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Van Gölü'nde balık sezonu açıldı",
                        "Balıkçılar tekneleriyle göle açıldı. ".repeat(20),
                        "Van"));
        String path = "/v1/articles/" + tr.id();
        for (String acceptEncoding :
                List.of("gzip", "GZIP;q=0.5", "x-gzip", "*", "br;q=1, gzip;q=0.8", "identity;q=0, gzip;q=0.1")) {
            assertThat(get(path, "Accept-Encoding", acceptEncoding).headers().firstValue("Content-Encoding"))
                    .as(acceptEncoding)
                    .hasValue("gzip");
        }
        for (String acceptEncoding : List.of(
                "identity",
                "gzip;q=0",
                "br",
                "identity;q=1, gzip;q=0.5",
                "*;q=0",
                "gzip;q=2",
                "gzip;q=abc",
                "deflate")) {
            HttpResponse<byte[]> r = get(path, "Accept-Encoding", acceptEncoding);
            assertThat(r.statusCode()).as(acceptEncoding).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Encoding"))
                    .as(acceptEncoding)
                    .isEmpty();
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Van Gölü");
        }
    }

    @Test
    void aCachedArticleIsCompressedOnceNotPerRequest() throws Exception {
        Article ckb = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.SORANI,
                        "بەفر ڕێگای پێنجوێنی گرت",
                        "ڕێگاکە بۆ ماوەی دوو ڕۆژ داخرا. ".repeat(20),
                        "پێنجوێن"));
        String path = "/v1/articles/" + ckb.id();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            get(path);
            return representations.cached(ckb.id(), NinjsVersion.V2_2) != null;
        });
        ArticleRepresentations.Representation cached = representations.cached(ckb.id(), NinjsVersion.V2_2);
        assertThat(cached.body().gzipMade()).as("nobody asked for gzip yet").isFalse();
        HttpResponse<byte[]> first = get(path, "Accept-Encoding", "gzip");
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(cached.body().gzipMade()).isTrue();
        byte[] made = cached.body().gzip();
        List<byte[]> later = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            later.add(get(path, "Accept-Encoding", "gzip").body());
        }
        assertThat(representations.cached(ckb.id(), NinjsVersion.V2_2)).isSameAs(cached);
        assertThat(cached.body().gzip())
                .as("the same bytes, kept beside the identity ones")
                .isSameAs(made);
        assertThat(later).allSatisfy(b -> assertThat(b).isEqualTo(made));
    }

    private static String varies(HttpResponse<?> r) {
        return String.join(",", r.headers().allValues("Vary"));
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
