package news.cms.moderation.intake;

import java.net.URI;
import java.util.Optional;
import news.cms.core.availability.Dependency;
import news.cms.core.availability.Outage;
import news.cms.core.availability.Outages;
import news.cms.core.comment.CommenterBanned;
import news.cms.core.comment.IdempotencyKeyReused;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of the comment API as an RFC 9457 problem detail with a stable type URI; the
 * framework's own (405, 415…) get a type after their status.
 */
@RestControllerAdvice(assignableTypes = {CommentIntakeController.class, ApprovedCommentsController.class})
@Order(0)
class IntakeProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);

    static final String TYPE_BASE = "https://cms.example/problems/";

    private final Outages outages;

    IntakeProblems(Outages outages) {
        this.outages = outages;
    }

    @ExceptionHandler(IntakeRefused.class)
    ResponseEntity<ProblemDetail> refused(IntakeRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create(TYPE_BASE + e.type()));
        problem.setTitle(e.title());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            // Whole seconds, rounded up: a client that waits that long gets a token.
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problem.setProperty("retryAfterSeconds", seconds);
        }
        return response.body(problem);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
        return refused(IntakeRefused.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage()));
    }

    /**
     * Whatever else went wrong. An engine that is down, slow or frozen, wherever it sits in the chain of
     * causes ({@link Outages#of}), is 503 with Retry-After, so that the client sends the comment again
     * later with the same Idempotency-Key (ADR 0013); anything else is our bug: logged, and answered
     * as a 500 problem that tells the client nothing of our insides.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these, as everywhere else
        }
        Optional<Outage> outage = outages.of(e);
        if (outage.isPresent()) {
            log.debug("{} answered 503: {}", request.getDescription(false), e.toString());
            return unavailable(outage.get());
        }
        log.error("unhandled error answering {}", request.getDescription(false), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the comment service failed; the request was not stored");
        problem.setType(URI.create(TYPE_BASE + "http-500"));
        problem.setTitle("Internal server error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ResponseEntity<ProblemDetail> unavailable(Outage outage) {
        boolean database = outage.dependency() == Dependency.DATABASE;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the comment service cannot reach its " + (database ? "database" : "engines")
                        + " just now; send the same request again in " + outage.retryAfterSeconds() + " s");
        problem.setType(URI.create(TYPE_BASE + (database ? "database-unavailable" : "service-unavailable")));
        problem.setTitle("Service unavailable");
        problem.setProperty("retryAfterSeconds", outage.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfterSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    // Tomcat decodes the query lazily, when a handler's argument first asks for a parameter.
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableQuery(InvalidParameterException e) {
        return refused(IntakeRefused.invalidQuery());
    }

    // Says until when, never why: the reason is the moderators' note, not a message to the banned.
    @ExceptionHandler(CommenterBanned.class)
    ResponseEntity<ProblemDetail> banned(CommenterBanned e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(URI.create(TYPE_BASE + "commenter-banned"));
        problem.setTitle("Commenting not allowed");
        problem.setProperty("bannedUntil", e.until() == null ? null : e.until().toString());
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || URI.create("about:blank").equals(problem.getType()))) {
            problem.setType(URI.create(TYPE_BASE + "http-" + status.value()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
