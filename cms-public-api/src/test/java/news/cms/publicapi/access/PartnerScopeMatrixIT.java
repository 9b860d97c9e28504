package news.cms.publicapi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaService;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The public API's half of the role × action matrix: every GET route of the app's own controllers
 * (found from the running handler mappings, so a new route without a row fails) against a reader
 * with no key, a key with no scope, each scope, both scopes, and a key that is not one.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PartnerScopeMatrixIT {

    enum Caller {
        READER,
        NO_SCOPE,
        FEED,
        EMBARGOED,
        FEED_AND_EMBARGOED,
        BAD_KEY
    }

    static final Set<Caller> VALID_KEYS_AND_READERS = EnumSet.complementOf(EnumSet.of(Caller.BAD_KEY));

    @LocalServerPort
    int port;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    ArticleService articles;

    @Autowired
    MediaService media;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteAnswersEachCallerAsTheMatrixSays() throws Exception {
        Article published = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Kütüphane yeniden açıldı", "Kapılar açıldı.", "Mardin"));
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Budget vote delayed", "The vote moves to May.", "Leeds"));
        Instant until = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
        Article held = Newsroom.asEditor(() -> articles.embargo(approved.id(), approved.version(), until));
        Article embargoed = Newsroom.asEditor(() -> articles.publish(held.id(), held.version()));

        // Route template → (path to ask) → who gets a 200; everybody else gets the status in the row.
        Map<String, Row> matrix = new LinkedHashMap<>();
        matrix.put("/v1/articles/{id}", new Row("/v1/articles/" + published.id(), VALID_KEYS_AND_READERS, 401));
        matrix.put(
                "/v1/articles/{id}/translations",
                new Row("/v1/articles/" + published.id() + "/translations", VALID_KEYS_AND_READERS, 401));
        matrix.put("/v1/search", new Row("/v1/search?q=kütüphane", VALID_KEYS_AND_READERS, 401));
        MediaItem picture = MediaMother.readyPicture(media);
        MediaMother.publishedWith(
                articles, media, picture, LanguageTag.TURKISH, "Dukan'da şafak", "Tekneler göle açıldı.");
        matrix.put(
                "/v1/media/{id}/{rendition}",
                new Row("/v1/media/" + picture.id() + "/thumbnail", VALID_KEYS_AND_READERS, 401));
        matrix.put("/v1/feed.atom", new Row("/v1/feed.atom", VALID_KEYS_AND_READERS, 401));
        matrix.put("/v1/feed.json", new Row("/v1/feed.json", VALID_KEYS_AND_READERS, 401));
        matrix.put("/v1/feed", new Row("/v1/feed", EnumSet.of(Caller.FEED, Caller.FEED_AND_EMBARGOED), 0));

        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().startsWith("news.cms.publicapi")
                    && (info.getMethodsCondition().getMethods().isEmpty()
                            || info.getMethodsCondition().getMethods().contains(RequestMethod.GET))) {
                routes.addAll(info.getPatternValues());
            }
        });
        // The error page answers every caller alike with a problem (EdgeProblemsIT): no partner route.
        routes.remove("/error");
        assertThat(routes)
                .as("the app's GET routes, each with a row")
                .containsExactlyInAnyOrderElementsOf(matrix.keySet());

        Map<Caller, String[]> headers = headers();
        Api api = new Api(port);
        List<String> wrong = new ArrayList<>();
        for (var row : matrix.entrySet()) {
            for (Caller caller : Caller.values()) {
                int expected = row.getValue().allowed().contains(caller) ? 200 : denial(row.getValue(), caller);
                int actual = api.get(row.getValue().path(), headers.get(caller)).statusCode();
                if (actual != expected) {
                    wrong.add(row.getKey() + " as " + caller + ": expected " + expected + ", got " + actual);
                }
            }
        }

        // A story under embargo: only keys with the EMBARGOED scope see it before its time.
        Set<Caller> seeEmbargoed = EnumSet.of(Caller.EMBARGOED, Caller.FEED_AND_EMBARGOED);
        for (Caller caller : Caller.values()) {
            int expected = seeEmbargoed.contains(caller) ? 200 : caller == Caller.BAD_KEY ? 401 : 404;
            int actual = api.get("/v1/articles/" + embargoed.id(), headers.get(caller))
                    .statusCode();
            if (actual != expected) {
                wrong.add("embargoed /v1/articles/{id} as " + caller + ": expected " + expected + ", got " + actual);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The feed: no key 401, a bad key 401, a key without FEED 403. */
    private static int denial(Row row, Caller caller) {
        if (row.otherwise() != 0) {
            return row.otherwise();
        }
        return caller == Caller.READER || caller == Caller.BAD_KEY ? 401 : 403;
    }

    private Map<Caller, String[]> headers() {
        Map<Caller, String[]> headers = new LinkedHashMap<>();
        headers.put(Caller.READER, new String[0]);
        headers.put(Caller.NO_SCOPE, key());
        headers.put(Caller.FEED, key(PartnerScope.FEED));
        headers.put(Caller.EMBARGOED, key(PartnerScope.EMBARGOED));
        headers.put(Caller.FEED_AND_EMBARGOED, key(PartnerScope.FEED, PartnerScope.EMBARGOED));
        headers.put(Caller.BAD_KEY, new String[] {"X-API-Key", "cmsk_zzzzzzzz_" + "Q".repeat(43)});
        return headers;
    }

    private String[] key(PartnerScope... scopes) {
        return new String[] {"X-API-Key", Api.partnerKey(keys, 600, scopes)};
    }

    /**
     * @param otherwise the status for callers not allowed; 0 for the feed's 401-or-403 rule
     */
    record Row(String path, Set<Caller> allowed, int otherwise) {}
}
