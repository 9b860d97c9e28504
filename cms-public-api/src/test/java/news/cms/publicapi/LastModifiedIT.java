package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Last-Modified never goes backwards: a kill, an unpublish, an embargo and an embargo's end each
 * change what the article, the change-feed page, Atom and JSON Feed say, so an If-Modified-Since from
 * before them must get the new representation, never a 304. (Atom and JSON Feed took the newest
 * listed story's time, which fell back when that story left; a feed page took its embedded stories'
 * times, which vanished with them.) Each change happens in a later second than the Last-Modified
 * the client holds, as HTTP dates count whole seconds.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LastModifiedIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    private Api api;
    private String feedKey;
    private String embargoKey;

    @BeforeEach
    void keys() {
        api = new Api(port);
        feedKey = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        embargoKey = Api.partnerKey(keys, 100_000, PartnerScope.FEED, PartnerScope.EMBARGOED);
    }

    @Test
    void aKillTurnsAnOldIfModifiedSinceInto200Everywhere() throws Exception {
        String cursor = feedHead();
        Article a = Newsroom.publishedStory(articles, story(LanguageTag.TURKISH, "Erzurum'da kayak sezonu açıldı"));
        Map<String, String> before = lastModified(a, cursor);

        afterTheSecondOf(before);
        Newsroom.asEditor(() -> articles.kill(a.id(), a.version(), "Yanlış bilgi"));

        assertThat(get("/v1/articles/" + a.id(), null, before.get("article")).statusCode())
                .isEqualTo(410);
        assertChangedSince(before, a, cursor);
        assertThat(feedPage(cursor, feedKey, null).body()).doesNotContain("Erzurum");
    }

    @Test
    void anUnpublishTurnsAnOldIfModifiedSinceInto200Everywhere() throws Exception {
        String cursor = feedHead();
        Article a = Newsroom.publishedStory(articles, story(LanguageTag.ARABIC, "افتتاح جسر جديد في الموصل"));
        Map<String, String> before = lastModified(a, cursor);

        afterTheSecondOf(before);
        Newsroom.asEditor(() -> articles.unpublish(a.id(), a.version()));

        assertThat(get("/v1/articles/" + a.id(), null, before.get("article")).statusCode())
                .isEqualTo(404);
        assertChangedSince(before, a, cursor);
    }

    @Test
    void anEmbargoTurnsAnOldIfModifiedSinceInto200Everywhere() throws Exception {
        String cursor = feedHead();
        Article a = Newsroom.publishedStory(articles, story(LanguageTag.ENGLISH, "Dukan dam reaches record level"));
        Map<String, String> before = lastModified(a, cursor);

        afterTheSecondOf(before);
        Newsroom.asEditor(
                () -> articles.embargo(a.id(), a.version(), Instant.now().plus(Duration.ofHours(2))));

        assertThat(get("/v1/articles/" + a.id(), null, before.get("article")).statusCode())
                .as("held back from readers")
                .isEqualTo(404);
        assertChangedSince(before, a, cursor);
        // The entry keeps a minimal item (ADR 0020): no word of the story while it is held back.
        JsonNode item = Api.JSON
                .readTree(feedPage(cursor, feedKey, null).body())
                .path("entries")
                .get(0)
                .path("item");
        assertThat(item.has("headline")).isFalse();
        assertThat(item.toString()).doesNotContain("Dukan");
    }

    @Test
    void anEmbargoEndingTurnsAnOldIfModifiedSinceInto200Everywhere() throws Exception {
        String cursor = feedHead();
        Article approved =
                Newsroom.approvedStory(articles, story(LanguageTag.SORANI, "فێستیڤاڵی فیلم لە سلێمانی دەستی پێکرد"));
        Instant ends = Instant.now().plus(Duration.ofSeconds(3));
        Article held = Newsroom.asEditor(() -> articles.embargo(approved.id(), approved.version(), ends));
        Article a = Newsroom.asEditor(() -> articles.publish(held.id(), held.version()));

        Map<String, String> before = new LinkedHashMap<>();
        before.put("article", lastModifiedOf(get("/v1/articles/" + a.id(), embargoKey, null)));
        before.put("feed page", lastModifiedOf(feedPage(cursor, feedKey, null)));
        before.put("atom", lastModifiedOf(get("/v1/feed.atom", null, null)));
        before.put("json feed", lastModifiedOf(get("/v1/feed.json", null, null)));
        assertThat(get("/v1/feed.json", null, null).body()).doesNotContain("فێستیڤاڵ");
        assertThat(get("/v1/articles/" + a.id(), null, null).statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> get("/v1/articles/" + a.id(), null, null).statusCode() == 200);

        assertThat(status(get("/v1/articles/" + a.id(), embargoKey, before.get("article"))))
                .as("the embargo's end is the article's newest change")
                .isEqualTo(200);
        HttpResponse<String> page = feedPage(cursor, feedKey, before.get("feed page"));
        assertThat(page.statusCode()).as("feed page").isEqualTo(200);
        assertThat(Api.JSON.readTree(page.body()).path("entries").get(0).has("item"))
                .as("the story is readable now")
                .isTrue();
        HttpResponse<String> atom = get("/v1/feed.atom", null, before.get("atom"));
        assertThat(atom.statusCode()).as("atom").isEqualTo(200);
        assertThat(atom.body()).contains("فێستیڤاڵی فیلم");
        HttpResponse<String> jsonFeed = get("/v1/feed.json", null, before.get("json feed"));
        assertThat(jsonFeed.statusCode()).as("json feed").isEqualTo(200);
        assertThat(jsonFeed.body()).contains("فێستیڤاڵی فیلم");
        assertStill304WithTheNewDate(a, cursor);
    }

    /** Every surface answers 200 to the old date, 304 to its new Last-Modified. */
    private void assertChangedSince(Map<String, String> before, Article a, String cursor) throws Exception {
        assertThat(feedPage(cursor, feedKey, before.get("feed page")).statusCode())
                .as("feed page")
                .isEqualTo(200);
        assertThat(status(get("/v1/feed.atom", null, before.get("atom"))))
                .as("atom")
                .isEqualTo(200);
        assertThat(status(get("/v1/feed.json", null, before.get("json feed"))))
                .as("json feed")
                .isEqualTo(200);
        assertStill304WithTheNewDate(a, cursor);
    }

    private void assertStill304WithTheNewDate(Article a, String cursor) throws Exception {
        Map<String, Function<String, HttpResponse<String>>> surfaces = Map.of(
                "feed page", ims -> feedPage(cursor, feedKey, ims),
                "atom", ims -> get("/v1/feed.atom", null, ims),
                "json feed", ims -> get("/v1/feed.json", null, ims));
        for (var s : surfaces.entrySet()) {
            String now = lastModifiedOf(s.getValue().apply(null));
            assertThat(s.getValue().apply(now).statusCode()).as(s.getKey()).isEqualTo(304);
        }
    }

    /** Each surface's Last-Modified while the story is live. */
    private Map<String, String> lastModified(Article a, String cursor) throws Exception {
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("article", lastModifiedOf(article(a)));
        HttpResponse<String> page = feedPage(cursor, feedKey, null);
        JsonNode entry = Api.JSON.readTree(page.body()).path("entries").get(0);
        assertThat(entry.path("uri").asString()).endsWith(a.id().toString());
        assertThat(entry.has("item")).isTrue();
        dates.put("feed page", lastModifiedOf(page));
        dates.put("atom", lastModifiedOf(get("/v1/feed.atom", null, null)));
        dates.put("json feed", lastModifiedOf(get("/v1/feed.json", null, null)));
        for (var d : dates.entrySet()) {
            String path = switch (d.getKey()) {
                case "article" -> "/v1/articles/" + a.id();
                case "atom" -> "/v1/feed.atom";
                case "json feed" -> "/v1/feed.json";
                default -> null;
            };
            HttpResponse<String> again =
                    path == null ? feedPage(cursor, feedKey, d.getValue()) : get(path, null, d.getValue());
            assertThat(again.statusCode())
                    .as(d.getKey() + ": its own Last-Modified is not modified since")
                    .isEqualTo(304);
        }
        return dates;
    }

    /** Waits for the clock to pass the second after the newest date held, as HTTP dates are seconds. */
    private static void afterTheSecondOf(Map<String, String> dates) {
        Instant newest = dates.values().stream()
                .map(d -> ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .max(Instant::compareTo)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(newest.plusSeconds(1)));
    }

    private HttpResponse<String> article(Article a) {
        return get("/v1/articles/" + a.id(), null, null);
    }

    private HttpResponse<String> feedPage(String cursor, String key, String ifModifiedSince) {
        return get("/v1/feed?limit=1&cursor=" + cursor, key, ifModifiedSince);
    }

    private HttpResponse<String> get(String path, String key, String ifModifiedSince) {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (key != null) {
            headers.add("X-API-Key");
            headers.add(key);
        }
        if (ifModifiedSince != null) {
            headers.add("If-Modified-Since");
            headers.add(ifModifiedSince);
        }
        try {
            return api.get(path, headers.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }

    private static String lastModifiedOf(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.headers().firstValue("Last-Modified").orElseThrow();
    }

    /** The cursor after every entry there is now. */
    private String feedHead() throws Exception {
        String cursor = "";
        while (true) {
            JsonNode page = Api.JSON.readTree(
                    get("/v1/feed?limit=200&cursor=" + cursor, feedKey, null).body());
            cursor = page.path("next").asString();
            if (page.path("entries").isEmpty()) {
                return cursor;
            }
        }
    }

    private static ArticleContent story(LanguageTag language, String headline) {
        return Newsroom.story(language, headline, "Metin. نص. Text.", "Erbil");
    }
}
