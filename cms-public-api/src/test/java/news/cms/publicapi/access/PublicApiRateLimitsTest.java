package news.cms.publicapi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.partnerkey.PartnerScope;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The headers and the 429 the public API derives from the core's limiter. */
class PublicApiRateLimitsTest {

    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final JsonMapper json = JsonMapper.builder().build();
    final PublicApiRateLimits limits = new PublicApiRateLimits(new AccessProperties(60), json, clock::get);

    MockHttpServletResponse admit(String address, PartnerKey key, boolean expected) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/articles");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(limits.admit(request, response, key)).isEqualTo(expected);
        return response;
    }

    @Test
    void aMinutesQuotaPerAddressWithItsStandingInEveryAnswer() throws Exception {
        for (int remaining = 59; remaining >= 0; remaining--) {
            MockHttpServletResponse ok = admit("10.0.0.1", null, true);
            assertThat(ok.getHeader("RateLimit-Policy")).isEqualTo("60;w=60");
            assertThat(ok.getHeader("RateLimit-Limit")).isEqualTo("60");
            assertThat(ok.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            assertThat(ok.getHeader("RateLimit-Reset")).isEqualTo(Integer.toString(60 - remaining));
            assertThat(ok.getHeader("Retry-After")).isNull();
        }
        MockHttpServletResponse refused = admit("10.0.0.1", null, false);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("60");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo("https://cms.example/problems/rate-limited");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString())
                .isEqualTo("Without a key, an address may make 60 requests a minute; try again in 1 s.");

        admit("10.0.0.2", null, true);
        clock.addAndGet(Duration.ofMillis(400).toNanos());
        MockHttpServletResponse early = admit("10.0.0.1", null, false);
        assertThat(early.getHeader("Retry-After")).as("rounded up").isEqualTo("1");
        assertThat(early.getHeader("RateLimit-Reset")).isEqualTo("60");
        clock.addAndGet(Duration.ofMillis(600).toNanos());
        admit("10.0.0.1", null, true);
    }

    @Test
    void anIpv6SubscriberSharesOneQuotaAcrossItsSlash64() throws Exception {
        for (int i = 0; i < 60; i++) {
            admit("2001:db8:1:2::" + Integer.toHexString(i + 1), null, true);
        }
        admit("2001:db8:1:2:ffff:ffff:ffff:ffff", null, false);
        admit("2001:db8:1:3::1", null, true);
    }

    @Test
    void aKeyHasItsOwnRate() throws Exception {
        PartnerKey key = new PartnerKey(
                PartnerKeyId.random(),
                "wire",
                "ABCDEFGH",
                Set.of(PartnerScope.FEED),
                Instant.EPOCH,
                "admin",
                null,
                null,
                null,
                2);
        admit("10.0.0.1", key, true);
        MockHttpServletResponse last = admit("10.0.0.1", key, true);
        assertThat(last.getHeader("RateLimit-Limit")).isEqualTo("2");
        assertThat(last.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(last.getHeader("RateLimit-Reset")).isEqualTo("60");
        MockHttpServletResponse refused = admit("10.0.0.1", key, false);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
        assertThat(json.readTree(refused.getContentAsByteArray()).get("detail").asString())
                .isEqualTo("The key ABCDEFGH may make 2 requests a minute; try again in 30 s.");
        admit("10.0.0.1", null, true); // the address's own bucket is untouched
    }

    @Test
    void anAnonymousRateTheLimiterCannotHoldStopsTheStartWithThePropertysName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AccessProperties(news.cms.core.ratelimit.RateLimiter.Rate.MAX_BURST + 1))
                .withMessageContaining("cms.public-api.access.anonymous-per-minute must be from 1 to 100000000");
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessProperties(0));
        assertThat(new AccessProperties(news.cms.core.ratelimit.RateLimiter.Rate.MAX_BURST).anonymousPerMinute())
                .isEqualTo(100_000_000);
    }

    @Test
    void keyLookUpsAreChargedToTheAddressBeforeTheyHappenApartFromReadingAndOnlyARefusalWritesAnything()
            throws Exception {
        for (int i = 0; i < 60; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/feed");
            request.setRemoteAddr("192.0.2.9");
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(limits.admitKeyLookUp(request, response)).isTrue();
            assertThat(response.getHeaderNames()).isEmpty();
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/feed");
        request.setRemoteAddr("192.0.2.9");
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(limits.admitKeyLookUp(request, refused)).isFalse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(json.readTree(refused.getContentAsByteArray()).path("type").asString())
                .endsWith("/rate-limited");
        // A bucket of its own: the address still reads without a key, and reading never spends it.
        admit("192.0.2.9", null, true);
        admit("192.0.2.10", null, true);
    }
}
