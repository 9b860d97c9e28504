package news.cms.publicapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
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

        @GetMapping("/precondition")
        String precondition() {
            throw new PreconditionFailed();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemDetails(json, new AllowedMethods(new StaticApplicationContext())))
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
