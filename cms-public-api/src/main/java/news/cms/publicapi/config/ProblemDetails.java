package news.cms.publicapi.config;

import java.net.URI;
import news.cms.core.article.ArticleNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as an RFC 9457 problem detail with a stable type URI. */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://cms.example/problems/";

    @ExceptionHandler(ArticleNotFound.class)
    ProblemDetail notFound(ArticleNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "article-not-found", "Article not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
