package news.cms.publicapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** At most N requests at once; the next one gets a 503 problem with Retry-After instead of a queue. */
class ConcurrencyLimitFilterTest {

    final JsonMapper json = JsonMapper.builder().build();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ConcurrencyLimitFilter filter =
            new ConcurrencyLimitFilter(new ConcurrencyLimitProperties(2, Duration.ZERO), json, meters);

    @Test
    void theThirdRequestAtOnceIsRefusedWith503AndAPlaceFreedIsTakenAgain() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] held = new CompletableFuture<?>[2];
        // A thread each: the common pool may have a single thread on a small machine.
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < 2; i++) {
            held[i] = CompletableFuture.runAsync(
                    () -> {
                        try {
                            filter.doFilter(request(), new MockHttpServletResponse(), (rq, rs) -> {
                                inside.countDown();
                                try {
                                    release.await(10, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    threads);
        }
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(filter.inFlight()).isEqualTo(2);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean[] reached = {false};
        filter.doFilter(request(), refused, (rq, rs) -> reached[0] = true);
        assertThat(reached[0]).as("the refused request never reaches the app").isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
        JsonNode problem = json.readTree(refused.getContentAsByteArray());
        assertThat(problem.path("type").asString()).isEqualTo("https://cms.example/problems/overloaded");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("retryAfterSeconds").asInt()).isEqualTo(1);
        assertThat(meters.get("cms.ratelimit.refusals")
                        .tag("limit", "concurrency")
                        .counter()
                        .count())
                .isEqualTo(1.0);

        release.countDown();
        CompletableFuture.allOf(held).get(10, TimeUnit.SECONDS);
        threads.close();
        assertThat(filter.inFlight()).isZero();
        filter.doFilter(request(), new MockHttpServletResponse(), (rq, rs) -> reached[0] = true);
        assertThat(reached[0]).isTrue();
    }

    @Test
    void aPlaceIsGivenBackWhenTheAppFails() throws Exception {
        for (int i = 0; i < 5; i++) {
            try {
                filter.doFilter(request(), new MockHttpServletResponse(), (rq, rs) -> {
                    throw new IllegalStateException("the app failed");
                });
            } catch (IllegalStateException expected) {
                // as the app threw it
            }
        }
        assertThat(filter.inFlight()).isZero();
    }

    @Test
    void outOfRangeSettingsStopTheStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConcurrencyLimitProperties(0, Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConcurrencyLimitProperties(10, Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConcurrencyLimitProperties(10, Duration.ofSeconds(6)));
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("GET", "/v1/articles/urn:newsml:cms.example:2026:x");
    }
}
