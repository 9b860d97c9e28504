package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.cms.core.account.Role;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.Newsroom;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API over real HTTP, as a partner or a reader calls it. */
public final class Api {

    public static final String PROBLEMS = "https://cms.example/problems/";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    /** GET with header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Issues a partner key, as the newsroom's admin would, and returns its secret. */
    public static String partnerKey(PartnerKeyService keys, int requestsPerMinute, PartnerScope... scopes) {
        var scopeSet = scopes.length == 0 ? EnumSet.noneOf(PartnerScope.class) : EnumSet.copyOf(List.of(scopes));
        return Newsroom.as(
                        "hevi",
                        () -> keys.issue(new NewPartnerKey("Test partner", scopeSet, null, requestsPerMinute)),
                        Role.ADMIN)
                .secret();
    }

    /** Asserts an RFC 9457 problem of this status and type; returns its body. */
    public static JsonNode assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
        return problem;
    }

    /**
     * A fast path's answer equals the full way's: status, bytes and headers, but for those each
     * request has its own ({@code Date}, {@code X-Request-Id}), that count down, and {@code
     * alsoVarying}.
     */
    public static void assertSameAnswer(
            MockHttpServletResponse fast, HttpResponse<String> full, String... alsoVarying) {
        assertThat(fast.getStatus()).isEqualTo(full.statusCode());
        assertThat(fast.getContentAsByteArray()).isEqualTo(full.body().getBytes(StandardCharsets.UTF_8));
        Map<String, String> fastHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        fast.getHeaderNames().forEach(n -> fastHeaders.put(n, String.join(", ", fast.getHeaders(n))));
        Map<String, String> fullHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        full.headers().map().forEach((n, v) -> fullHeaders.put(n, String.join(", ", v)));
        assertThat(fullHeaders).containsKeys("ETag", "RateLimit-Limit", "X-Request-Id", "Vary");
        List<String> varying = new ArrayList<>(
                List.of("Date", "X-Request-Id", "RateLimit-Remaining", "RateLimit-Reset", "Keep-Alive", "Connection"));
        varying.addAll(List.of(alsoVarying));
        for (String name : varying) {
            fastHeaders.remove(name);
            fullHeaders.remove(name);
        }
        assertThat(fastHeaders).isEqualTo(fullHeaders);
    }
}
