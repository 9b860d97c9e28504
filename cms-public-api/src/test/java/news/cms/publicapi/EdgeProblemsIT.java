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

    /**
     * {@code POST /v1/push/replay}, the one route that is not a read: every other method is a 405
     * naming POST; a body or key it cannot take is the problem that says which.
     */
    @Test
    void thePartnersReplayRefusesWhatItCannotTakeWithProblems() throws Exception {
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        String noScope = Api.partnerKey(keys, 100_000);
        String replay = "/v1/push/replay";
        RawHttp raw = new RawHttp(port);
        SoftAssertions soft = new SoftAssertions();
        for (String method : List.of("GET", "HEAD", "PUT", "DELETE", "PATCH", "TRACE", "BREW")) {
            for (String keyHeader : List.of("X-API-Key: " + key, "X-Filler: none")) {
                RawHttp.Response r = raw.send(method, replay, keyHeader, "Content-Length: 0");
                String what = method + " with " + keyHeader;
                soft.assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(405);
                soft.assertThat(r.header("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                soft.assertThat(r.header("Allow"))
                        .as(what + ": Allow")
                        .hasValueSatisfying(
                                allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("POST", "OPTIONS"));
                if (!method.equals("HEAD")) {
                    soft.assertThat(Api.JSON.readTree(r.body()).path("type").asString())
                            .as(what)
                            .isEqualTo(Api.PROBLEMS + "method-not-allowed");
                }
            }
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        record Post(String what, String body, String contentType, String key, int status, String type) {}
        List<Post> posts = List.of(
                new Post("an empty body", "", "application/json", key, 400, "invalid-body"),
                new Post("not JSON", "{\"fromSequence\":", "application/json", key, 400, "invalid-body"),
                new Post("a JSON string", "\"12\"", "application/json", key, 400, "invalid-body"),
                new Post("a negative position", "{\"fromSequence\":-4}", "application/json", key, 400, "invalid-body"),
                new Post(
                        "a position past a long",
                        "{\"fromSequence\":99999999999999999999999}",
                        "application/json",
                        key,
                        400,
                        "invalid-body"),
                new Post(
                        "a date without an offset",
                        "{\"since\":\"2026-12-05T08:00:00\"}",
                        "application/json",
                        key,
                        400,
                        "invalid-body"),
                new Post(
                        "a date that is no date",
                        "{\"since\":\"2026-02-30T08:00:00Z\"}",
                        "application/json",
                        key,
                        400,
                        "invalid-body"),
                new Post("a time as a number", "{\"since\":1764921600}", "application/json", key, 400, "invalid-body"),
                new Post(
                        "an unknown member",
                        "{\"fromSequence\":1,\"force\":true}",
                        "application/json",
                        key,
                        400,
                        "invalid-body"),
                new Post("no key", "{\"fromSequence\":1}", "application/json", null, 401, "api-key-required"),
                new Post(
                        "a made-up key",
                        "{\"fromSequence\":1}",
                        "application/json",
                        "cmsk_zzzzzzzz_" + "Q".repeat(43),
                        401,
                        "api-key-invalid"),
                new Post(
                        "a key without FEED",
                        "{\"fromSequence\":1}",
                        "application/json",
                        noScope,
                        403,
                        "scope-missing"),
                new Post(
                        "a key linked to nothing",
                        "{\"fromSequence\":1}",
                        "application/json",
                        key,
                        404,
                        "push-subscription-not-linked"));
        for (Post p : posts) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + replay))
                    .header("Content-Type", p.contentType())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(p.body()));
            if (p.key() != null) {
                request.header("X-API-Key", p.key());
            }
            var r = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            soft.assertThat(r.statusCode()).as(p.what() + ": " + r.body()).isEqualTo(p.status());
            soft.assertThat(r.headers().firstValue("Content-Type"))
                    .as(p.what())
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            soft.assertThat(Api.JSON.readTree(r.body()).path("type").asString())
                    .as(p.what())
                    .isEqualTo(Api.PROBLEMS + p.type());
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
