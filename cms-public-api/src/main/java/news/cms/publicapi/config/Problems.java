package news.cms.publicapi.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import news.cms.core.availability.Outage;
import news.cms.core.observability.RequestId;
import news.cms.core.observability.RequestIdFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written as bytes, past content negotiation: in servlet filters (an
 * invalid key, a rate limit), in Tomcat (a request it refused) and for every answer of {@link
 * ProblemDetails}, so that no {@code Accept} header can turn a problem into an empty body.
 */
public final class Problems {

    /** Every type URI starts with this; the rest names the problem, e.g. {@code api-key-revoked}. */
    public static final String TYPE_BASE = "https://cms.example/problems/";

    private Problems() {}

    static Map<String, Object> fields(String type, String title, int status, String detail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("title", title);
        fields.put("status", status);
        fields.put("detail", detail);
        // The request's id (docs/adr/0017), as in its X-Request-Id header and its log lines.
        String requestId = RequestIdFilter.current();
        if (requestId != null) {
            fields.put(RequestId.KEY, requestId);
        }
        return fields;
    }

    /**
     * An engine is down or frozen: {@code database-unavailable}, {@code search-unavailable} or {@code
     * media-store-unavailable}, with {@code retryAfterSeconds} as in the {@code Retry-After} header
     * (ADR 0013).
     */
    public static ProblemDetail unavailable(Outage outage) {
        String[] words = switch (outage.dependency()) {
            case SEARCH -> new String[] {"Search is", "search-unavailable", "Search unavailable"};
            case MEDIA_STORE ->
                new String[] {"The picture store is", "media-store-unavailable", "Pictures unavailable"};
            case DATABASE -> new String[] {"The newsroom's database is", "database-unavailable", "Service unavailable"};
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                words[0] + " not answering just now; try again in " + outage.retryAfterSeconds() + " s.");
        problem.setType(java.net.URI.create(TYPE_BASE + words[1]));
        problem.setTitle(words[2]);
        problem.setProperty("retryAfterSeconds", outage.retryAfterSeconds());
        return problem;
    }

    /** The type of a problem that only its status names, e.g. {@code not-found}, {@code uri-too-long}. */
    public static String typeOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null
                ? "status-" + status
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The standard reason phrase, as the title of a problem that only its status names. */
    static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Status " + status : known.getReasonPhrase();
    }

    /** A problem's bytes: its members first, then its extension members. */
    static byte[] bytes(JsonMapper json, ProblemDetail problem) {
        Map<String, Object> fields = fields(
                String.valueOf(problem.getType()),
                problem.getTitle() == null ? titleOf(problem.getStatus()) : problem.getTitle(),
                problem.getStatus(),
                problem.getDetail() == null ? titleOf(problem.getStatus()) : problem.getDetail());
        if (problem.getInstance() != null) {
            fields.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(fields::putIfAbsent);
        }
        return json.writeValueAsBytes(fields);
    }

    public static void write(
            HttpServletResponse response, JsonMapper json, HttpStatus status, String type, String title, String detail)
            throws IOException {
        write(response, json, status.value(), type, title, detail);
    }

    public static void write(
            HttpServletResponse response, JsonMapper json, int status, String type, String title, String detail)
            throws IOException {
        write(response, json.writeValueAsBytes(fields(TYPE_BASE + type, title, status, detail)), status);
    }

    static void write(HttpServletResponse response, byte[] problem, int status) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(problem.length);
        response.getOutputStream().write(problem);
    }

    /** What a refusal that no code of ours made says, for a status Tomcat or the firewall chose. */
    static String detailOf(int status, @Nullable String method) {
        return switch (status) {
            case 400 ->
                "The request is malformed or too large: check its percent-encodings (UTF-8 only), its path,"
                        + " and that the request line and headers stay under 8 KB.";
            case 404 -> "Nothing is served at this path; the API lives under /v1 (see /v3/api-docs).";
            case 405 -> "This path does not answer " + (method == null ? "this method" : method) + "; see Allow.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is too large.";
            case 414 -> "The URL is too long: at most 8 KB of request line.";
            case 431 -> "The request's headers are too large: at most 8 KB.";
            case 505 -> "Only HTTP/1.1 (and HTTP/1.0) are spoken here.";
            default -> status >= 500 ? "The server failed to answer; it has been logged." : titleOf(status) + ".";
        };
    }
}
