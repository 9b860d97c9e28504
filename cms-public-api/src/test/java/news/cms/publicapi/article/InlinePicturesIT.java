package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Refusal;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.InlineImageRefused;
import news.cms.core.media.InlineImageSyntax;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pictures placed in a story's body with {@code ![alt](media:<uuid>)} (docs/adr/0026), on real
 * PostgreSQL and search: printed as figures in ninjs 2.2 and 3.1 (valid against the official
 * schemas) and in the feeds, listed as associations, refused at save when the story may not show
 * them, and gone from the public with a killed story.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.media.filesystem-root=target/media-it", "cms.public-api.base-url=https://api.example.org"})
class InlinePicturesIT {

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

    @Test
    void anArabicStoryPrintsItsPicturesAsFiguresAndListsThemInNinjs22And31() throws Exception {
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        String from = json.readTree(text(send("/v1/feed?cursor=now", "X-API-Key", key)))
                .path("next")
                .asString();
        MediaItem featured = MediaMother.readyPicture(media);
        MediaItem market = readyPicture(marketPicture());
        String body = "افتتح السوق القديم أبوابه صباح السبت.\n\n"
                + InlineImageSyntax.format(market.id(), "باعة الخضار تحت القوس") + "\n\n"
                + "وقال أحد الباعة إن الزبائن عادوا منذ الفجر.";
        Article story = MediaMother.publishedWith(
                articles, media, featured, LanguageTag.ARABIC, "السوق القديم يفتح من جديد", body);
        String path = "/v1/articles/" + story.id();

        String v22 = text(send(path));
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, v22)).isEmpty();
        JsonNode item22 = json.readTree(v22);
        String bodyHtml = item22.path("bodies").get(0).path("value").asString();
        Document html = Jsoup.parseBodyFragment(bodyHtml);
        Element figure = html.selectFirst("div[lang=ar][dir=rtl] > figure");
        assertThat(figure).as(bodyHtml).isNotNull();
        Element img = figure.selectFirst("img");
        Rendition view = market.rendition("view").orElseThrow();
        assertThat(img.attr("src"))
                .isEqualTo("https://api.example.org/v1/media/" + market.id() + "/view?v="
                        + view.sha256().substring(0, 16));
        assertThat(img.attr("alt")).isEqualTo("باعة الخضار تحت القوس");
        assertThat(img.attr("width")).isEqualTo(Integer.toString(view.width()));
        assertThat(img.attr("height")).isEqualTo(Integer.toString(view.height()));
        assertThat(img.attr("srcset"))
                .contains("/thumbnail?v=")
                .contains("/base?v=")
                .doesNotContain("/wide");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo(MARKET_AR.caption() + " — " + MARKET_AR.credit());
        // The paragraphs around the picture stay paragraphs, in their order.
        assertThat(html.select("div > *").eachAttr("dir")).hasSize(2);
        assertThat(item22.path("bodies").get(1).path("value").asString()).contains(MARKET_AR.caption());

        JsonNode associations = item22.path("associations");
        assertThat(associations).hasSize(2);
        assertThat(associations.get(0).path("uri").asString()).isEqualTo("urn:newsroom-cms:media:" + featured.id());
        assertThat(associations.get(1).path("uri").asString()).isEqualTo("urn:newsroom-cms:media:" + market.id());
        assertThat(associations.get(1).path("type").asString()).isEqualTo("picture");
        assertThat(associations.get(1).path("name").asString()).isEqualTo("inline image 1");
        assertThat(associations.get(1).path("by").asString()).isEqualTo(MARKET_AR.credit());

        String v31 = text(send(path + "?ninjs=3.1"));
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, v31)).isEmpty();
        JsonNode item31 = json.readTree(v31);
        assertThat(item31.path("associations").get(0).path("rel").asString()).isEqualTo("featureimage");
        assertThat(item31.path("associations").get(1).path("rel").asString()).isEqualTo("inline");
        assertThat(item31.path("associations").get(1).path("renditions").get(0).has("sizeInBytes"))
                .isTrue();
        String body31 = item31.path("bodies").get(0).path("value").asString();
        assertThat(Jsoup.parseBodyFragment(body31).selectFirst("figure img").attr("src"))
                .isEqualTo(img.attr("src"));

        // The change feed's entry carries the same item as the article endpoint, pictures and all.
        for (String version : List.of("2.2", "3.1")) {
            JsonNode entry = json.readTree(
                            text(send("/v1/feed?ninjs=" + version + "&cursor=" + from, "X-API-Key", key)))
                    .path("entries")
                    .get(0);
            assertThat(entry.path("uri").asString()).isEqualTo(NinjsMapper.uri(story.id()));
            assertThat(entry.path("item")).isEqualTo(json.readTree(version.equals("2.2") ? v22 : v31));
        }

        // The figure's picture is served; its original never is.
        assertThat(send(URI.create(img.attr("src")).getRawPath()).statusCode()).isEqualTo(200);
        assertThat(send("/v1/media/" + market.id() + "/original").statusCode()).isEqualTo(404);
    }

    @Test
    void theFeedsCarryTheFeaturedImageAndTheBodysFigures() throws Exception {
        MediaItem featured = MediaMother.readyPicture(media);
        MediaItem market = readyPicture(marketPicture());
        String body = "Pazar sabahı eski çarşı yeniden açıldı.\n\n" + InlineImageSyntax.format(market.id(), "");
        Article story = MediaMother.publishedWith(
                articles, media, featured, LanguageTag.TURKISH, "Eski çarşı yeniden açıldı", body);
        Rendition base = featured.rendition("base").orElseThrow();
        String baseHref = "https://api.example.org/v1/media/" + featured.id() + "/base?v="
                + base.sha256().substring(0, 16);

        Document atom = Jsoup.parse(text(send("/v1/feed.atom")), "", Parser.xmlParser());
        Element entry = atom.select("entry").stream()
                .filter(e -> e.selectFirst("id").text().equals(NinjsMapper.uri(story.id())))
                .findFirst()
                .orElseThrow();
        Element enclosure = entry.selectFirst("link[rel=enclosure]");
        assertThat(enclosure.attr("href")).isEqualTo(baseHref);
        assertThat(enclosure.attr("type")).isEqualTo("image/jpeg");
        assertThat(enclosure.attr("length")).isEqualTo(Long.toString(base.bytes()));
        Document content = Jsoup.parseBodyFragment(entry.selectFirst("content").text());
        // The body gave no alt text: the picture's own Turkish one is used.
        assertThat(content.selectFirst("figure img").attr("alt")).isEqualTo(MARKET_TR.altText());
        assertThat(content.selectFirst("figcaption").text())
                .isEqualTo(MARKET_TR.caption() + " — " + MARKET_TR.credit());

        JsonNode feed = json.readTree(text(send("/v1/feed.json")));
        JsonNode item = null;
        for (JsonNode i : feed.path("items")) {
            if (i.path("id").asString().equals(NinjsMapper.uri(story.id()))) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("image").asString()).isEqualTo(baseHref);
        assertThat(Jsoup.parseBodyFragment(item.path("content_html").asString()).select("figure img"))
                .hasSize(1);
    }

    @Test
    void aKilledStorysPicturesLeaveThePublicSurfaces() throws Exception {
        MediaItem featured = MediaMother.readyPicture(media);
        MediaItem market = readyPicture(marketPicture());
        Article story = MediaMother.publishedWith(
                articles,
                media,
                featured,
                LanguageTag.SORANI,
                "بازاڕی کۆن دەکرێتەوە",
                "بازاڕەکە بەیانی شەممە کرایەوە.\n\n" + InlineImageSyntax.format(market.id(), "فرۆشیاری سەوزە"));
        String featuredPath = "/v1/media/" + featured.id() + "/view";
        String inlinePath = "/v1/media/" + market.id() + "/view";
        assertThat(send(featuredPath).statusCode()).isEqualTo(200);
        assertThat(send(inlinePath).statusCode()).isEqualTo(200);

        Newsroom.asEditor(() -> articles.kill(story.id(), story.version(), "The picture shows a private home"));

        for (String path : List.of(featuredPath, inlinePath, "/v1/media/" + market.id() + "/thumbnail")) {
            HttpResponse<byte[]> r = send(path);
            assertThat(r.statusCode()).as(path).isIn(404, 410);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(send("/v1/articles/" + story.id()).statusCode()).isEqualTo(410);
        assertThat(text(send("/v1/feed.atom")))
                .doesNotContain(market.id().toString())
                .doesNotContain(featured.id().toString());
        assertThat(text(send("/v1/feed.json"))).doesNotContain(market.id().toString());
    }

    @Test
    void aSaveIsRefusedForAnUnknownAnUnreadyOrAnotherStorysPicture() {
        // Unknown: the draft is not even created.
        MediaId unknown = new MediaId(UUID.randomUUID());
        assertRefused(
                () -> Newsroom.asReporter(() -> articles.createDraft(
                        english("Dukan's boats", "Before dawn.\n\n" + InlineImageSyntax.format(unknown, "Boats")))),
                "media.inline-unknown",
                unknown);

        // Another story's picture: a story of its own (not a translation) may not show it.
        MediaItem theirs = readyPicture(marketPicture());
        Newsroom.asReporter(() -> articles.createDraft(
                english("The market opens", "Morning.\n\n" + InlineImageSyntax.format(theirs.id(), "Stalls"))));
        Article ours = Newsroom.asReporter(() -> articles.createDraft(english("Harvest in Koya", "Wheat.")));
        String withTheirs = "Wheat.\n\n" + InlineImageSyntax.format(theirs.id(), "Stalls");
        assertRefused(
                () -> Newsroom.asReporter(
                        () -> articles.save(ours.id(), ours.version(), english("Harvest in Koya", withTheirs))),
                "media.inline-other-story",
                theirs.id());

        // Not ready: a large picture whose renditions are still being made.
        MediaItem fresh = Newsroom.as(
                Newsroom.REPORTER,
                () -> media.upload(new NewMedia(
                        TestPictures.jpeg(6000, 4000),
                        "image/jpeg",
                        "koya.jpg",
                        null,
                        null,
                        Map.of(LanguageTag.ENGLISH, MARKET_EN),
                        FocalPoint.CENTRE)),
                Role.REPORTER);
        String withFresh = "Wheat.\n\n" + InlineImageSyntax.format(fresh.id(), "Fields");
        assertRefused(
                () -> Newsroom.asReporter(
                        () -> articles.save(ours.id(), ours.version(), english("Harvest in Koya", withFresh))),
                "media.inline-not-ready",
                fresh.id());

        // Nothing was stored: the story is as it was; once ready, its own picture is accepted.
        Article unchanged = Newsroom.asEditor(() -> articles.find(ours.id()).orElseThrow());
        assertThat(unchanged.version()).isEqualTo(ours.version());
        assertThat(unchanged.body()).isEqualTo("Wheat.");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Newsroom.as(
                                        Newsroom.EDITOR,
                                        () -> media.find(fresh.id()).orElseThrow(),
                                        Role.EDITOR)
                                .currentRenditions()
                                .size()
                        == 4);
        Article saved = Newsroom.asReporter(
                () -> articles.save(ours.id(), ours.version(), english("Harvest in Koya", withFresh)));
        assertThat(saved.body()).contains("media:" + fresh.id());
    }

    private static void assertRefused(Runnable action, String code, MediaId picture) {
        assertThatThrownBy(action::run).isInstanceOf(InlineImageRefused.class).satisfies(e -> {
            Refusal r = (Refusal) e;
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.params().get("media")).isEqualTo(picture.toString());
        });
    }

    private static ArticleContent english(String headline, String body) {
        return Newsroom.story(LanguageTag.ENGLISH, headline, body, "Koya");
    }

    static final MediaText MARKET_EN = new MediaText(
            "Vegetable sellers under the old arch", "Crates of tomatoes under a stone arch", "Dilan Aziz");
    static final MediaText MARKET_AR =
            new MediaText("باعة الخضار تحت القوس القديم", "صناديق طماطم تحت قوس حجري", "ديلان عزيز");
    static final MediaText MARKET_CKB =
            new MediaText("فرۆشیارانی سەوزە لەژێر کەوانە کۆنەکە", "سندوقی تەماتە لەژێر کەوانەیەکی بەرد", "دیلان عەزیز");
    static final MediaText MARKET_TR = new MediaText(
            "Eski kemerin altında sebze satıcıları", "Taş bir kemerin altında domates kasaları", "Dilan Aziz");

    private static NewMedia marketPicture() {
        return new NewMedia(
                TestPictures.png(1200, 800),
                "image/png",
                "market.png",
                "Newsroom CMS",
                null,
                Map.of(
                        LanguageTag.ENGLISH, MARKET_EN,
                        LanguageTag.ARABIC, MARKET_AR,
                        LanguageTag.SORANI, MARKET_CKB,
                        LanguageTag.TURKISH, MARKET_TR),
                new FocalPoint(0.4, 0.6));
    }

    private MediaItem readyPicture(NewMedia upload) {
        MediaItem uploaded = Newsroom.as(Newsroom.REPORTER, () -> media.upload(upload), Role.REPORTER);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Newsroom.as(
                                Newsroom.EDITOR, () -> media.find(uploaded.id()).orElseThrow(), Role.EDITOR),
                        m -> m.currentRenditions().size() == 4);
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
