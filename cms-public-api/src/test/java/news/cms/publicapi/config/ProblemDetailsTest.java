package news.cms.publicapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import news.cms.core.availability.FailFastProperties;
import news.cms.core.availability.Outages;
import news.cms.core.search.SearchUnavailable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An IllegalArgumentException that escapes a controller is our bug: a 500 problem (logged), not a
 * 400 that blames the client. Client errors have their own types.
 */
class ProblemDetailsTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @RestController
    static class Failing {

        @GetMapping("/bug")
        String bug() {
            throw new IllegalArgumentException("a bug: an argument our own code got wrong");
        }

        @GetMapping("/state")
        String state() {
            throw new IllegalStateException("a bug too");
        }

        @GetMapping("/client")
        String client() {
            throw InvalidInput.parameter("limit", "limit is a whole number from 1 to 100");
        }

        @GetMapping("/database-down")
        String databaseDown() {
            throw new CannotCreateTransactionException(
                    "Could not open JDBC Connection",
                    new SQLTransientConnectionException("Connection is not available, request timed out"));
        }

        @GetMapping("/search-down")
        String searchDown() {
            throw new SearchUnavailable("frozen", Duration.ofMillis(1200), null);
        }

        @GetMapping("/precondition")
        String precondition() {
            throw new PreconditionFailed();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetails(
                    json,
                    new AllowedMethods(new StaticApplicationContext()),
                    new Outages(new FailFastProperties(
                            new FailFastProperties.Breaker(3, Duration.ofSeconds(2)),
                            new FailFastProperties.Breaker(3, Duration.ofSeconds(2))))))
            .build();

    @Test
    void anIllegalArgumentFromOurCodeIsA500ThatTellsNothingOfItsInsides() throws Exception {
        for (String path : new String[] {"/bug", "/state"}) {
            MockHttpServletResponse r = mvc.perform(
                            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path))
                    .andReturn()
                    .getResponse();
            assertThat(r.getStatus()).as(path).isEqualTo(500);
            assertThat(r.getContentType()).isEqualTo("application/problem+json");
            JsonNode problem = json.readTree(r.getContentAsString());
            assertThat(problem.path("type").asString()).isEqualTo(Problems.TYPE_BASE + "internal-server-error");
            assertThat(r.getContentAsString()).doesNotContain("a bug");
        }
    }

    @Test
    void anEngineThatIsDownIsA503WithRetryAfterNeverA500() throws Exception {
        MockHttpServletResponse db = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/database-down"))
                .andReturn()
                .getResponse();
        assertThat(db.getStatus()).isEqualTo(503);
        assertThat(db.getContentType()).isEqualTo("application/problem+json");
        assertThat(db.getHeader("Retry-After")).isEqualTo("2");
        assertThat(db.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonNode problem = json.readTree(db.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo(Problems.TYPE_BASE + "database-unavailable");
        assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(2);

        MockHttpServletResponse search = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/search-down"))
                .andReturn()
                .getResponse();
        assertThat(search.getStatus()).isEqualTo(503);
        assertThat(search.getHeader("Retry-After")).isEqualTo("2");
        assertThat(json.readTree(search.getContentAsString()).path("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "search-unavailable");
    }

    @Test
    void aPictureStoreOutageSaysSoAndNotTheDatabase() {
        var problem = Problems.unavailable(new news.cms.core.availability.Outage(
                news.cms.core.availability.Dependency.MEDIA_STORE, java.time.Duration.ofSeconds(5)));
        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType().toString()).isEqualTo(Problems.TYPE_BASE + "media-store-unavailable");
        assertThat(problem.getDetail()).startsWith("The picture store is not answering");
        assertThat(problem.getProperties()).containsEntry("retryAfterSeconds", 5L);
    }

    @Test
    void clientErrorsKeepTheirStatusTypeAndParameter() throws Exception {
        MockHttpServletResponse r = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/client")
                                .header("Accept", "text/html"))
                .andReturn()
                .getResponse();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentType()).as("whatever Accept says").isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(r.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo(Problems.TYPE_BASE + "invalid-parameter");
        assertThat(problem.path("parameter").asString()).isEqualTo("limit");

        MockHttpServletResponse failed = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/precondition"))
                .andReturn()
                .getResponse();
        assertThat(failed.getStatus()).isEqualTo(412);
        assertThat(json.readTree(failed.getContentAsString()).path("type").asString())
                .isEqualTo(Problems.TYPE_BASE + "precondition-failed");
    }
}
