package news.cms.publicapi.feed;

import static news.cms.publicapi.Api.assertProblem;
import static news.cms.publicapi.Api.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.publicapi.access.CachedReadFilter;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The keyed feed's fast path answers a partner's poll for a cached page exactly as the full way
 * does, and leaves everything it cannot answer the same way (unknown keys, missing scopes, other
 * queries) to the full way; its answers are timed under the full way's meter. The same for the
 * Atom feed and the JSON Feed, which need no key.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CachedFeedFilterIT {

    private static final FilterChain NOT_THE_FULL_WAY = (req, res) -> {
        throw new AssertionError("a cached page must not go the full way");
    };
    private static final FilterChain FULL_WAY = (req, res) -> ((MockHttpServletResponse) res).setStatus(299);

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    FilterRegistrationBean<CachedFeedFilter> registration;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("cachedAtomPages")
    FilterRegistrationBean<CachedSyndicationFilter> atomRegistration;

    @Autowired
    @Qualifier("cachedJsonFeed")
    FilterRegistrationBean<CachedSyndicationFilter> jsonFeedRegistration;

    @Test
    void aCachedPageIsServedWithoutTheFullWayWithTheSameHeadersAndBytes() throws Exception {
        Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "پێشانگای کتێب لە هەولێر", "سەدان کتێب نمایش دەکرێن.", "هەولێر"));
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Ferry service resumes", "Boats sail again.", "Izmir"));
        String key = Api.partnerKey(keys, 6000, PartnerScope.FEED);
        String path = "/v1/feed?limit=5";
        MockHttpServletResponse missed = new MockHttpServletResponse();
        filter().doFilter(request(path, key), missed, FULL_WAY);
        assertThat(missed.getStatus())
                .as("not cached yet: the full way answers")
                .isEqualTo(299);

        Answers answers = cached(filter(), path, key);
        HttpResponse<String> full = answers.full();
        MockHttpServletResponse fast = answers.fast();
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).contains("پێشانگای کتێب لە هەولێر");
        assertThat(full.headers().firstValue("Last-Modified")).isPresent();
        assertSameAnswer(fast, full);
        // The same bucket (the key's) on both ways.
        assertThat(fast.getHeader("RateLimit-Limit"))
                .isEqualTo(full.headers().firstValue("RateLimit-Limit").orElseThrow());

        MockHttpServletRequest revalidation = request(path, key);
        revalidation.addHeader(
                "If-None-Match", full.headers().firstValue("ETag").orElseThrow());
        MockHttpServletResponse notModified = new MockHttpServletResponse();
        // Counted on a status the full way has not answered here: its own timing ends after the answer.
        long timedBefore = timed("304");
        filter().doFilter(revalidation, notModified, NOT_THE_FULL_WAY);
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(timed("304")).as("timed as the full way's requests are").isEqualTo(timedBefore + 1);

        // The next page, by the cursor the first one gave, once the full way has cached it.
        String next = Api.JSON.readTree(full.body()).path("next").asString();
        String nextPath = "/v1/feed?limit=5&cursor=" + next;
        Answers second = cached(filter(), nextPath, key);
        assertThat(second.full().statusCode()).isEqualTo(200);
        assertSameAnswer(second.fast(), second.full());
    }

    @Test
    void whatTheFastPathCannotAnswerGoesTheFullWay() throws Exception {
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد في الموصل", "يربط الضفتين.", "الموصل"));
        Api api = new Api(port);
        String feedKey = Api.partnerKey(keys, 6000, PartnerScope.FEED);
        String path = "/v1/feed?limit=7";
        assertThat(api.get(path, "X-API-Key", feedKey).statusCode()).isEqualTo(200); // now cached

        String noScope = Api.partnerKey(keys, 6000);
        String embargoed = Api.partnerKey(keys, 6000, PartnerScope.FEED, PartnerScope.EMBARGOED);
        for (MockHttpServletRequest request : List.of(
                request(path, noScope), // 403 on the full way
                request(path, "cmsk_ABCDEFGH_madeUpSecretNobodyIssued"), // 401 on the full way
                request(path, embargoed), // another page: embargoed stories included
                request(path), // no key: 401 on the full way
                request("/v1/feed?limit=7&cursor=now", feedKey),
                request("/v1/feed?limit=7&lang=ar", feedKey),
                request("/v1/feed?limit=7&ninjs=3.1", feedKey),
                request("/v1/feed?limit=7&cursor=forged", feedKey), // 400 on the full way
                request("/v1/feed?limit=7&limit=8", feedKey),
                request("/v1/feed?limit=%37", feedKey),
                head(path, feedKey))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter().doFilter(request, response, FULL_WAY);
            assertThat(response.getStatus())
                    .as(request.getMethod() + " " + request.getQueryString() + " " + request.getHeader("X-API-Key"))
                    .isEqualTo(299);
        }
        MockHttpServletRequest xml = request(path, feedKey);
        xml.addHeader("Accept", "application/xml");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter().doFilter(xml, response, FULL_WAY);
        assertThat(response.getStatus()).isEqualTo(299);

        // And the full way still refuses what it refused.
        assertProblem(api.get(path, "X-API-Key", noScope), 403, "scope-missing");
        assertProblem(api.get(path), 401, "api-key-required");
    }

    @Test
    void theFastPathsTimersCarryTheFullWaysTags() throws Exception {
        String key = Api.partnerKey(keys, 6000, PartnerScope.FEED);
        Api api = new Api(port);
        assertThat(cached(filter(), "/v1/feed?limit=3", key).fast().getStatus()).isEqualTo(200);
        List<Meter.Id> ids = meters.find("http.server.requests").timers().stream()
                .map(Timer::getId)
                .toList();
        // Prometheus keeps one set of tag names per meter name: a timer with other names is dropped.
        List<List<String>> tagNames = ids.stream()
                .map(id -> id.getTags().stream().map(Tag::getKey).sorted().toList())
                .distinct()
                .toList();
        assertThat(tagNames).hasSize(1);
        assertThat(tagNames.getFirst()).contains("uri", "status", "method", "outcome", "exception");
    }

    @Test
    void atomAndJsonFeedPagesAreServedWithoutTheFullWayWithTheSameHeadersAndBytes() throws Exception {
        Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "معرض للكتاب في أربيل", "يفتتح المعرض أبوابه غداً.", "أربيل"));
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Van Gölü'nde kuş sayımı", "Gönüllüler sahada.", "Van"));
        Api api = new Api(port);
        for (String path : List.of("/v1/feed.atom", "/v1/feed.atom?lang=ar", "/v1/feed.json")) {
            Answers answers = cached(syndication(path), path);
            assertThat(answers.full().statusCode()).as(path).isEqualTo(200);
            assertSameAnswer(answers.fast(), answers.full());
        }
        assertThat(api.get("/v1/feed.atom?lang=ar").body())
                .contains("معرض للكتاب في أربيل")
                .doesNotContain("Van Gölü");

        MockHttpServletRequest feedReader = request("/v1/feed.atom");
        feedReader.addHeader("Accept", "application/atom+xml, application/xml;q=0.9, */*;q=0.8");
        MockHttpServletResponse fast = new MockHttpServletResponse();
        syndication("/v1/feed.atom").doFilter(feedReader, fast, NOT_THE_FULL_WAY);
        assertThat(fast.getStatus()).isEqualTo(200);

        String feedKey = Api.partnerKey(keys, 6000, PartnerScope.FEED);
        MockHttpServletRequest malformedAccept = request("/v1/feed.atom");
        malformedAccept.addHeader("Accept", "text/;;");
        for (MockHttpServletRequest request : List.of(
                malformedAccept, // 400 on the full way
                request("/v1/feed.atom?lang=xx-yy-zz-1234567890"), // 400 on the full way
                request("/v1/feed.atom?before=forged"), // 400 on the full way
                request("/v1/feed.atom?lang=ar&lang=ckb"),
                request("/v1/feed.atom?page=2"),
                request("/v1/feed.json", feedKey))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            syndication(request.getRequestURI()).doFilter(request, response, FULL_WAY);
            assertThat(response.getStatus())
                    .as(request.getRequestURI() + "?" + request.getQueryString())
                    .isEqualTo(299);
        }
        assertProblem(api.get("/v1/feed.atom?before=forged"), 400, "invalid-cursor");
    }

    private record Answers(HttpResponse<String> full, MockHttpServletResponse fast) {}

    /**
     * The full way's answer, then the fast path's once the full way has cached the page: a change
     * notice of a story published just before may empty the cache after the full way filled it.
     */
    private Answers cached(CachedReadFilter<?> filter, String path, String... key) {
        Api api = new Api(port);
        String[] headers =
                key.length > 0 ? new String[] {"X-API-Key", key[0]} : new String[] {"X-Forwarded-For", "192.0.2.78"};
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            HttpResponse<String> full = api.get(path, headers);
                            MockHttpServletResponse fast = new MockHttpServletResponse();
                            filter.doFilter(request(path, key), fast, FULL_WAY);
                            return new Answers(full, fast);
                        },
                        answers -> answers.fast().getStatus() != 299);
    }

    private long timed(String status) {
        Timer timer = meters.find("http.server.requests")
                .tag("uri", "/v1/feed")
                .tag("status", status)
                // Another test's client may have left early: that request's timer names its exception.
                .tag("exception", "none")
                .tag("error", "none")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private CachedFeedFilter filter() {
        return registration.getFilter();
    }

    private CachedSyndicationFilter syndication(String path) {
        return (path.startsWith(CachedSyndicationFilter.ATOM) ? atomRegistration : jsonFeedRegistration).getFilter();
    }

    /** A new request each time: a filter runs once per request object. */
    private static MockHttpServletRequest request(String pathAndQuery, String... key) {
        return withMethod("GET", pathAndQuery, key);
    }

    private static MockHttpServletRequest head(String pathAndQuery, String key) {
        return withMethod("HEAD", pathAndQuery, key);
    }

    private static MockHttpServletRequest withMethod(String method, String pathAndQuery, String... key) {
        int q = pathAndQuery.indexOf('?');
        MockHttpServletRequest request =
                new MockHttpServletRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
        if (q >= 0) {
            request.setQueryString(pathAndQuery.substring(q + 1));
        }
        request.setRemoteAddr("192.0.2.77");
        if (key.length > 0) {
            request.addHeader("X-API-Key", key[0]);
        }
        return request;
    }
}
