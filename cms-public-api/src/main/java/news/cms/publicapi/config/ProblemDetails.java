package news.cms.publicapi.config;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.search.InvalidSearchCursor;
import news.cms.publicapi.article.ArticleGone;
import news.cms.publicapi.feed.InvalidFeedRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error as an RFC 9457 problem detail with a stable type URI: ours below, and the framework's
 * (406, 405, 400 for a bad parameter…) typed after their status, e.g. {@code …/problems/not-acceptable}.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private final JsonMapper json;

    ProblemDetails(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(ArticleNotFound.class)
    ProblemDetail notFound(ArticleNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", e.getMessage());
    }

    /** A killed article: the notice, never the text. */
    @ExceptionHandler(ArticleGone.class)
    ProblemDetail gone(ArticleGone e) {
        ProblemDetail problem =
                problem(HttpStatus.GONE, "article-killed", "Article killed", "This article was killed: " + e.notice());
        problem.setProperty("uri", e.uri());
        problem.setProperty("killNotice", e.notice());
        problem.setProperty("killedAt", e.killedAt().toString());
        return problem;
    }

    /** A malformed or forged feed cursor, or a page size out of range. */
    @ExceptionHandler(InvalidFeedRequest.class)
    ProblemDetail invalidFeedRequest(InvalidFeedRequest e) {
        return problem(HttpStatus.BAD_REQUEST, e.type(), "Invalid feed request", e.getMessage());
    }

    /** A search cursor we did not issue: the client's mistake, whatever else maps to 400 or 500. */
    @ExceptionHandler(InvalidSearchCursor.class)
    ProblemDetail invalidSearchCursor(InvalidSearchCursor e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid search cursor", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    /** The framework's problems (406, 405, a missing parameter…) get a type after their status. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_BASE + slug(status)));
        }
        if (status.value() == HttpStatus.NOT_ACCEPTABLE.value() && body instanceof ProblemDetail problem) {
            // The client accepts none of our types, so Accept cannot choose the problem's type either:
            // write the bytes ourselves, past content negotiation.
            Map<String, Object> fields = Problems.fields(
                    String.valueOf(problem.getType()),
                    String.valueOf(problem.getTitle()),
                    problem.getStatus(),
                    String.valueOf(problem.getDetail()));
            return ResponseEntity.status(status)
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(json.writeValueAsBytes(fields));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "status-" + status.value()
                : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
