package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import news.cms.core.availability.Dependency;
import news.cms.core.availability.DependencyUnavailable;
import news.cms.core.availability.FailFastProperties;
import news.cms.core.availability.Outages;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * What the comment API answers when something it did not foresee goes wrong: an engine's outage,
 * however deeply wrapped, is a 503 the client may retry; anything else a 500 problem that leaks
 * nothing. (The handler once knew only a fixed list of exception types: an outage wrapped in any
 * other type became a bare 500.)
 */
class IntakeProblemsTest {

    final IntakeProblems problems = new IntakeProblems(new Outages(new FailFastProperties(
            new FailFastProperties.Breaker(3, Duration.ofSeconds(2)),
            new FailFastProperties.Breaker(3, Duration.ofSeconds(4)))));

    final WebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/v1/comments"));

    @Test
    void aDatabaseOutageWrappedInAnyExceptionIsA503WithRetryAfter() throws Exception {
        var wrapped = new IllegalStateException(
                "screening failed", new RuntimeException(new SQLTransientConnectionException("pool exhausted")));

        ResponseEntity<ProblemDetail> answer = problems.unexpected(wrapped, request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getType().toString()).endsWith("/problems/database-unavailable");
    }

    @Test
    void anotherEnginesOutageIsA503ThatDoesNotBlameTheDatabase() throws Exception {
        var search = new DependencyUnavailable(Dependency.SEARCH, Duration.ofSeconds(7), "search node frozen", null);

        ResponseEntity<ProblemDetail> answer = problems.unexpected(new RuntimeException(search), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.getBody().getType().toString()).endsWith("/problems/service-unavailable");
        assertThat(answer.getBody().getDetail()).doesNotContain("database");
    }

    @Test
    void ourOwnBugIsA500ProblemThatTellsNothingOfOurInsides() throws Exception {
        ResponseEntity<ProblemDetail> answer =
                problems.unexpected(new IllegalStateException("column comment.secret_note does not exist"), request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getType().toString()).endsWith("/problems/http-500");
        assertThat(answer.getBody().getDetail()).doesNotContain("secret_note").doesNotContain("column");
    }

    @Test
    void securityRefusalsAreLeftToSpringSecurity() {
        var denied = new AccessDeniedException("moderators only");
        assertThatThrownBy(() -> problems.unexpected(denied, request)).isSameAs(denied);
    }
}
