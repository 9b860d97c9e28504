package news.cms.publicapi.config;

import java.net.URI;
import java.util.Optional;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;
import news.cms.core.media.MediaNotFound;
import news.cms.core.search.InvalidSearchCursor;
import news.cms.publicapi.article.ArticleGone;
import news.cms.publicapi.feed.InvalidFeedRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error as an RFC 9457 problem detail with a stable type URI: ours below, and the framework's
 * (406, 405, 404…) typed after their status, e.g. {@code …/problems/not-acceptable}. Client errors
 * have exception types of their own ({@link InvalidInput}, {@link InvalidFeedRequest}…); anything
 * else that escapes a controller is our bug, a 500 that is logged. Problems are written as bytes,
 * past content negotiation, so that no Accept header turns one into an empty body.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

    private final JsonMapper json;
    private final AllowedMethods allowed;
    private final Outages outages;

    ProblemDetails(JsonMapper json, AllowedMethods allowed, Outages outages) {
        this.json = json;
        this.allowed = allowed;
        this.outages = outages;
    }

    @ExceptionHandler(ArticleNotFound.class)
    ResponseEntity<Object> notFound(ArticleNotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", e.getMessage()));
    }

    /** A killed article: the notice, never the text. */
    @ExceptionHandler(MediaNotFound.class)
    ResponseEntity<Object> mediaNotFound(MediaNotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "media-not-found", "Picture not found", e.getMessage()));
    }

    @ExceptionHandler(ArticleGone.class)
    ResponseEntity<Object> gone(ArticleGone e) {
        ProblemDetail problem =
                problem(HttpStatus.GONE, "article-killed", "Article killed", "This article was killed: " + e.notice());
        problem.setProperty("uri", e.uri());
        problem.setProperty("killNotice", e.notice());
        problem.setProperty("killedAt", e.killedAt().toString());
        return respond(problem);
    }

    /** A malformed or forged feed cursor, or a page size out of range. */
    @ExceptionHandler(InvalidFeedRequest.class)
    ResponseEntity<Object> invalidFeedRequest(InvalidFeedRequest e) {
        return respond(problem(HttpStatus.BAD_REQUEST, e.type(), "Invalid feed request", e.getMessage()));
    }

    /** A parameter, header or id the client got wrong. */
    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalidInput(InvalidInput e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.type(), e.title(), e.getMessage());
        if (e.parameter() != null) {
            problem.setProperty("parameter", e.parameter());
        }
        return respond(problem);
    }

    /** A partner's replay with a key no push subscription is linked to. */
    @ExceptionHandler(news.cms.core.push.NoLinkedSubscription.class)
    ResponseEntity<Object> noLinkedSubscription(news.cms.core.push.NoLinkedSubscription e) {
        return respond(problem(
                HttpStatus.NOT_FOUND,
                "push-subscription-not-linked",
                "No push subscription for this key",
                "No push subscription is linked to your key; ask the newsroom to link one."));
    }

    /** A partner's replay of a subscription the worker disabled. */
    @ExceptionHandler(news.cms.core.push.SubscriptionUnavailable.class)
    ResponseEntity<Object> subscriptionDisabled(news.cms.core.push.SubscriptionUnavailable e) {
        return respond(problem(
                HttpStatus.CONFLICT,
                "push-subscription-disabled",
                "Push subscription disabled",
                "Your push subscription was disabled (410 Gone or failing too long); ask the newsroom to resume it."
                        + " Meanwhile, pull /v1/feed from the last sequence you received."));
    }

    /** A search cursor we did not issue: the client's mistake. */
    @ExceptionHandler(InvalidSearchCursor.class)
    ResponseEntity<Object> invalidSearchCursor(InvalidSearchCursor e) {
        ProblemDetail problem =
                problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid search cursor", e.getMessage());
        problem.setProperty("parameter", "cursor");
        return respond(problem);
    }

    @ExceptionHandler(PreconditionFailed.class)
    ResponseEntity<Object> preconditionFailed(PreconditionFailed e) {
        return respond(
                problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e.getMessage()));
    }

    /** Tomcat could not decode a query parameter: not percent-encoded UTF-8. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> undecodable(org.apache.tomcat.util.http.InvalidParameterException e) {
        return respond(problem(
                HttpStatus.BAD_REQUEST,
                "invalid-encoding",
                "Invalid encoding",
                "A query parameter is not valid percent-encoded UTF-8."));
    }

    /** Our bug, never the client's fault: logged, and the client learns nothing of its insides. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> bug(Exception e, NativeWebRequest request) {
        Optional<Outage> outage = outages.of(e);
        if (outage.isPresent()) {
            // An engine that is down or frozen: not our bug, and the client may try again (ADR 0013).
            log.debug("{} answered 503: {}", request.getDescription(false), e.toString());
            return unavailable(outage.get());
        }
        log.error("unhandled error answering {}", request.getDescription(false), e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                Problems.typeOf(500),
                "Internal server error",
                Problems.detailOf(500, null)));
    }

    /** {@code Accept: garbage} is a malformed header (400), not a type we cannot serve (406). */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (IllegalArgumentException malformed) {
                return invalidInput(InvalidInput.header(
                        HttpHeaders.ACCEPT,
                        "The Accept header is not a list of media types: " + malformed.getMessage()));
            }
        }
        return super.handleHttpMediaTypeNotAcceptable(ex, headers, status, request);
    }

    /** Allow names only what works here: GET, HEAD and OPTIONS on every route we serve. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpHeaders allow = new HttpHeaders();
        allow.addAll(headers);
        String path = request instanceof org.springframework.web.context.request.ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : null;
        if (path != null) {
            allow.set(HttpHeaders.ALLOW, AllowedMethods.header(allowed.at(path)));
        }
        ProblemDetail body = ex.getBody();
        body.setDetail(Problems.detailOf(405, ex.getMethod()));
        return handleExceptionInternal(ex, body, allow, status, request);
    }

    /** Every problem, ours and the framework's, leaves as bytes with a stable type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
        if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create(Problems.TYPE_BASE + Problems.typeOf(status.value())));
        }
        problem.setInstance(null); // the request's own path, which the client knows
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.bytes(json, problem));
    }

    private ResponseEntity<Object> unavailable(Outage outage) {
        ProblemDetail problem = Problems.unavailable(outage);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfterSeconds()))
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.bytes(json, problem));
    }

    private ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.bytes(json, problem));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
