package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every error is an RFC 9457 problem, also those raised before Spring MVC sees the request: by
 * Tomcat (bad encodings, oversized lines and headers, TRACE), by Spring Security's firewall
 * ({@code ;} parameters, encoded slashes), or for paths nobody serves. Sent byte for byte over a
 * socket to the real server, since a mock would skip Tomcat.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EdgeProblemsIT {

    private static final String ID = "0b6f3c1e-5a7d-4e2b-9c8f-1d2e3f4a5b6c";

    @LocalServerPort
    int port;

    @Autowired
    PartnerKeyService keys;

    record Case(String what, String method, String target, int status, String type, List<String> headers) {
        Case(String what, String method, String target, int status, String type, String... headers) {
            this(what, method, target, status, type, List.of(headers));
        }
    }

    @Test
    void requestsRefusedBeforeTheControllersAreProblemsToo() throws Exception {
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        String longQuery = "/v1/search?q=" + "a".repeat(9_000);
        String bigHeader = "X-Filler: " + "b".repeat(10 * 1024);
        List<Case> cases = List.of(
                new Case("overlong UTF-8 in the query", "GET", "/v1/search?q=%C0%AF", 400, "invalid-encoding"),
                new Case("a byte that is no UTF-8", "GET", "/v1/search?q=%FF", 400, "invalid-encoding"),
                new Case("a lone surrogate", "GET", "/v1/search?q=%ED%A0%80", 400, "invalid-encoding"),
                new Case("a lone percent", "GET", "/v1/search?q=%", 400, "invalid-encoding"),
                new Case("a lone percent in the path", "GET", "/v1/articles/%", 400, "bad-request"),
                new Case("a path parameter", "GET", "/v1/articles/" + ID + ";jsessionid=1", 400, "request-rejected"),
                new Case("a path parameter mid-path", "GET", "/v1/feed;x=1.atom", 400, "request-rejected"),
                new Case("an encoded slash", "GET", "/v1/articles/a%2Fb", 400, "bad-request"),
                new Case("an encoded NUL", "GET", "/v1/articles/a%00b", 400, "bad-request"),
                new Case("a URL over 8 KB", "GET", longQuery, 400, "bad-request"),
                new Case("a 10 KB header", "GET", "/v1/search?q=x", 400, "bad-request", bigHeader),
                new Case("TRACE", "TRACE", "/v1/search?q=x", 405, "method-not-allowed"),
                new Case("TRACE on the feed", "TRACE", "/v1/feed", 405, "method-not-allowed"),
                new Case("an unknown method", "BREW", "/v1/search?q=x", 405, "method-not-allowed"),
                new Case("Accept: garbage on Atom", "GET", "/v1/feed.atom", 400, "invalid-header", "Accept: garbage"),
                new Case(
                        "Accept: garbage on search", "GET", "/v1/search?q=x", 400, "invalid-header", "Accept: garbage"),
                new Case(
                        "Accept: garbage on an article",
                        "GET",
                        "/v1/articles/" + ID,
                        400,
                        "invalid-header",
                        "Accept: garbage"),
                new Case(
                        "Accept: garbage on the feed",
                        "GET",
                        "/v1/feed",
                        400,
                        "invalid-header",
                        "Accept: garbage",
                        "X-API-Key: " + key),
                new Case("If-Match that fails", "GET", "/v1/feed.json", 412, "precondition-failed", "If-Match: \"x\""),
                new Case("the root", "GET", "/", 404, "not-found"),
                new Case("the root with a key", "GET", "/", 404, "not-found", "X-API-Key: " + key),
                new Case("another version", "GET", "/v2/feed", 404, "not-found", "X-API-Key: " + key),
                new Case("an unknown /v1 path", "GET", "/v1/nothing-here", 404, "not-found"),
                new Case("the error page itself", "GET", "/error", 404, "not-found"),
                new Case("POST to the error page", "POST", "/error", 404, "not-found"),
                new Case("POST to the feed", "POST", "/v1/feed", 405, "method-not-allowed", "X-API-Key: " + key));

        RawHttp http = new RawHttp(port);
        SoftAssertions soft = new SoftAssertions();
        for (Case c : cases) {
            RawHttp.Response r = http.send(c.method(), c.target(), c.headers().toArray(String[]::new));
            soft.assertThat(r.status()).as(c.what() + ": status; " + r.body()).isEqualTo(c.status());
            soft.assertThat(r.header("Content-Type"))
                    .as(c.what() + ": content type; " + r.headers())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem;
            try {
                problem = Api.JSON.readTree(r.body());
            } catch (RuntimeException e) {
                soft.fail(c.what() + ": not JSON: " + r.body());
                continue;
            }
            soft.assertThat(problem.path("type").asString())
                    .as(c.what() + ": type")
                    .isEqualTo(Api.PROBLEMS + c.type());
            soft.assertThat(problem.path("status").asInt())
                    .as(c.what() + ": status field")
                    .isEqualTo(c.status());
            soft.assertThat(problem.path("title").asString())
                    .as(c.what() + ": title")
                    .isNotBlank();
            if (c.status() == 405) {
                soft.assertThat(r.header("Allow"))
                        .as(c.what() + ": Allow")
                        .hasValueSatisfying(allow ->
                                assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS"));
            }
        }
        soft.assertAll();
    }

    /** No origin is allowed unless configured: no CORS headers, so browsers on other sites cannot read. */
    @Test
    void withoutConfiguredOriginsNoPageElsewhereMayRead() throws Exception {
        RawHttp http = new RawHttp(port);
        RawHttp.Response get = http.send("GET", "/v1/feed.json", "Origin: https://news.example");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEmpty();
        RawHttp.Response preflight = http.send(
                "OPTIONS", "/v1/feed.json", "Origin: https://news.example", "Access-Control-Request-Method: GET");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
