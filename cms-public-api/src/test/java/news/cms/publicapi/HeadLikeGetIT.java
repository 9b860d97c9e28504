package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaMother;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * HEAD is authorised, scoped and rate-limited exactly like GET, on every GET route there is: the
 * routes are read from Spring MVC's mappings, so a route added later is covered without touching
 * this test. (HEAD once answered 200 on the change feed without a key, with the ETag, Last-Modified
 * and length a partner gets.)
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HeadLikeGetIT {

    /** Headers that differ between any two requests, GET or HEAD. */
    private static final Set<String> PER_REQUEST =
            Set.of("date", "ratelimit-remaining", "ratelimit-reset", "keep-alive", "connection", "x-request-id");

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    MediaService media;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void headAnswersEveryGetRouteWithTheSameStatusAndHeadersAndNoBody() throws Exception {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "کتێبخانەی نوێ لە هەولێر", "کتێبخانەکە کرایەوە.", "هەولێر"));
        MediaItem picture = Newsroom.as(
                Newsroom.REPORTER, () -> media.upload(MediaMother.lakeAtDawn()), news.cms.core.account.Role.REPORTER);
        await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Newsroom.as(
                                        Newsroom.EDITOR,
                                        () -> media.find(picture.id()).orElseThrow(),
                                        news.cms.core.account.Role.EDITOR)
                                .currentRenditions()
                                .size()
                        == MediaProperties.DEFAULT_RENDITIONS.size());
        Article pictured = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Boats at dawn on Lake Dukan", "Fishers set out early.", "Dukan"));
        Newsroom.asEditor(() -> {
            media.setFeaturedImage(pictured.id(), picture.id());
            return pictured;
        });
        Newsroom.asEditor(() -> articles.publish(pictured.id(), pictured.version()));
        List<String> paths = getRoutes(Map.of("id", story.id().toString(), "rendition", "view"));
        assertThat(paths)
                .as("every route the API serves, found in MVC's mappings")
                .contains(
                        "/v1/articles/" + story.id(),
                        "/v1/articles/" + story.id() + "/translations",
                        "/v1/feed",
                        "/v1/feed.atom",
                        "/v1/feed.json",
                        "/v1/media/" + story.id() + "/view",
                        "/v1/search");
        // The media route once more with a picture a live story shows: a 200 with its bytes.
        paths.add("/v1/media/" + picture.id() + "/view");

        Map<String, String[]> callers = new TreeMap<>();
        callers.put("no key", new String[0]);
        callers.put("a key with FEED", new String[] {"X-API-Key", Api.partnerKey(keys, 100_000, PartnerScope.FEED)});
        callers.put("a key without scopes", new String[] {"X-API-Key", Api.partnerKey(keys, 100_000)});
        callers.put("an unknown key", new String[] {"X-API-Key", "cmsk_AAAAAAAA_" + "A".repeat(43)});

        SoftAssertions soft = new SoftAssertions();
        for (String path : paths) {
            String target = path.equals("/v1/search") ? path + "?q=library" : path;
            for (var caller : callers.entrySet()) {
                HttpResponse<String> get = send("GET", target, caller.getValue());
                HttpResponse<String> head = send("HEAD", target, caller.getValue());
                String what = "HEAD " + target + " with " + caller.getKey();
                soft.assertThat(head.statusCode()).as(what).isEqualTo(get.statusCode());
                Map<String, List<String>> getHeaders = headers(get);
                if (List.of("0").equals(getHeaders.get("content-length"))
                        && head.headers().firstValue("Content-Length").isEmpty()) {
                    // RFC 9110 section 8.6: a HEAD may leave Content-Length out (Tomcat does for an
                    // empty redirect), but must never state another length than GET's.
                    getHeaders.remove("content-length");
                }
                soft.assertThat(headers(head)).as(what).isEqualTo(getHeaders);
                // Each answer has its own request id (ADR 0017), HEAD's as well as GET's.
                soft.assertThat(head.headers().firstValue("X-Request-Id"))
                        .as(what)
                        .isPresent();
                soft.assertThat(get.headers().firstValue("X-Request-Id"))
                        .as(what)
                        .isPresent();
                soft.assertThat(head.body()).as(what).isEmpty();
            }
        }
        soft.assertAll();

        assertThat(send("HEAD", "/v1/feed").statusCode())
                .as("the hole that was found: HEAD of the feed without a key")
                .isEqualTo(401);
        assertThat(send("HEAD", "/v1/feed", "X-API-Key", Api.partnerKey(keys, 100_000))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void headCountsAgainstTheSameRateLimitAsGet() throws Exception {
        String key = Api.partnerKey(keys, 2, PartnerScope.FEED);
        assertThat(send("GET", "/v1/feed", "X-API-Key", key).statusCode()).isEqualTo(200);
        assertThat(send("HEAD", "/v1/feed", "X-API-Key", key).statusCode()).isEqualTo(200);
        HttpResponse<String> get = send("GET", "/v1/feed", "X-API-Key", key);
        HttpResponse<String> head = send("HEAD", "/v1/feed", "X-API-Key", key);
        Api.assertProblem(get, 429, "rate-limited");
        assertThat(head.statusCode()).isEqualTo(429);
        assertThat(head.headers().firstValue("Retry-After")).isPresent();
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** Each GET route's paths, variables filled in (an unknown value where none is given). */
    private List<String> getRoutes(Map<String, String> values) {
        Set<String> paths = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                Matcher m = VARIABLE.matcher(pattern.replace("/**", "/x"));
                StringBuilder path = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(path, values.getOrDefault(m.group(1), "x"));
                }
                m.appendTail(path);
                paths.add(path.toString());
            }
        }
        return new ArrayList<>(paths);
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> headers(HttpResponse<String> r) {
        Map<String, List<String>> headers = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            if (!PER_REQUEST.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values);
            }
        });
        return headers;
    }
}
