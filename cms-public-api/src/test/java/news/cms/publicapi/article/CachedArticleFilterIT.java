package news.cms.publicapi.article;

import static news.cms.publicapi.Api.assertProblem;
import static news.cms.publicapi.Api.assertSameAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The cached-article fast path answers exactly as the full way does, under the same rate limit
 * (three requests a minute per address here, so the limit shows within a test).
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "cms.public-api.access.anonymous-per-minute=3")
class CachedArticleFilterIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    FilterRegistrationBean<CachedArticleFilter> registration;

    @Autowired
    ArticleRepresentations representations;

    @Autowired
    PartnerKeyService keys;

    @Test
    void aCachedStoryIsServedWithoutTheFullWayWithTheSameHeadersAndBytes() throws Exception {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "مهرجان السينما في دهوك", "تعرض أفلام قصيرة.", "دهوك"));
        String path = "/v1/articles/" + story.id();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        request.setRemoteAddr("192.0.2.10");
        MockHttpServletResponse missed = new MockHttpServletResponse();
        registration
                .getFilter()
                .doFilter(request, missed, (req, res) -> ((MockHttpServletResponse) res).setStatus(299));
        assertThat(missed.getStatus())
                .as("not cached yet: the full way answers")
                .isEqualTo(299);

        cache(story);
        // With a key the request goes the full way (and has a bucket of its own).
        HttpResponse<String> full = new Api(port).get(path, "X-API-Key", Api.partnerKey(keys, 600));
        MockHttpServletResponse fast = new MockHttpServletResponse();
        registration.getFilter().doFilter(request(path), fast, (req, res) -> {
            throw new AssertionError("a cached story must not go the full way");
        });

        assertThat(fast.getStatus()).isEqualTo(200);
        // The rate-limit headers differ by bucket (the key's, the address's), the rest must not.
        assertSameAnswer(fast, full, "RateLimit-Limit", "RateLimit-Policy");

        MockHttpServletRequest revalidation = request(path);
        revalidation.addHeader(
                "If-None-Match", full.headers().firstValue("ETag").orElseThrow());
        MockHttpServletResponse notModified = new MockHttpServletResponse();
        registration.getFilter().doFilter(revalidation, notModified, (req, res) -> {
            throw new AssertionError("a cached story must not go the full way");
        });
        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
    }

    /** Loads the story into the cache as the full way does (a change notice may empty it meanwhile). */
    private void cache(Article story) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            representations.get(story.id(), NinjsVersion.V2_2, false);
            return representations.cached(story.id(), NinjsVersion.V2_2) != null;
        });
    }

    /** A new request each time: a filter runs once per request object. */
    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr("192.0.2." + ADDRESSES.incrementAndGet());
        return request;
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES =
            new java.util.concurrent.atomic.AtomicInteger(10);

    @Test
    void theFastPathCountsAgainstTheSameRateLimit() throws Exception {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Mardin'de kış festivali", "Festival başladı.", "Mardin"));
        Api api = new Api(port);
        String path = "/v1/articles/" + story.id();
        cache(story);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get(path).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = api.get(path);
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertProblem(api.get(path + "?ninjs=2.2"), 429, "rate-limited");
    }
}
