package news.cms.moderation.intake;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** A request the intake refuses; mapped to a problem detail of the given type by {@link IntakeProblems}. */
final class IntakeRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final @Nullable String field;
    private final @Nullable Duration retryAfter;

    private IntakeRefused(
            HttpStatus status,
            String type,
            String title,
            String detail,
            @Nullable String field,
            @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    static IntakeRefused of(HttpStatus status, String type, String title, String detail) {
        return new IntakeRefused(status, type, title, detail, null, null);
    }

    static IntakeRefused invalidField(String field, String detail) {
        return new IntakeRefused(
                HttpStatus.UNPROCESSABLE_CONTENT, "invalid-comment", "Invalid comment", detail, field, null);
    }

    /** A query string whose percent-encoding is not UTF-8 (or broken): the servlet container cannot read it. */
    static IntakeRefused invalidQuery() {
        return of(
                HttpStatus.BAD_REQUEST,
                "invalid-query",
                "Invalid query",
                "the query string is not valid percent-encoded UTF-8");
    }

    static IntakeRefused tooMany(String detail, Duration retryAfter) {
        return new IntakeRefused(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many comments", detail, null, retryAfter);
    }

    static IntakeRefused tooManyRequests(String detail, Duration retryAfter) {
        return new IntakeRefused(
                HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, null, retryAfter);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    @Nullable
    String field() {
        return field;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }
}
