package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.IdempotencyKey;
import org.junit.jupiter.api.Test;

class IntakeRateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final ArticleId story = ArticleId.random();

    private IntakeRateLimits limits(int clientBurst, int clientPerMinute, int articleBurst, int articlePerMinute) {
        return new IntakeRateLimits(
                new IntakeProperties(
                        16_384,
                        clientBurst,
                        clientPerMinute,
                        articleBurst,
                        articlePerMinute,
                        "X-Client-Id",
                        Duration.ofHours(24),
                        "a cursor key of this unit test, 32+ chars",
                        20,
                        false,
                        5,
                        2),
                now::get);
    }

    private static Duration refusal(IntakeRateLimits limits, String client, ArticleId article) {
        IntakeRefused refused =
                catchThrowableOfType(IntakeRefused.class, () -> limits.check(client, article, IdempotencyKey.random()));
        assertThat(refused).isNotNull();
        assertThat(refused.type()).isEqualTo("rate-limited");
        return refused.retryAfter();
    }

    @Test
    void aClientsBurstIsAllowedThenTheWaitIsUntilTheNextComment() {
        IntakeRateLimits limits = limits(3, 6, 100, 100); // a comment every 10 s after three
        for (int i = 0; i < 3; i++) {
            limits.check("a", story, IdempotencyKey.random());
        }
        assertThat(refusal(limits, "a", story)).isEqualTo(Duration.ofSeconds(10));
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(refusal(limits, "a", story)).isEqualTo(Duration.ofSeconds(6));
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        limits.check("a", story, IdempotencyKey.random());
        assertThat(refusal(limits, "a", story)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void clientsHaveTheirOwnBucketsAndRefillNoHigherThanTheBurst() {
        IntakeRateLimits limits = limits(3, 6, 100, 100);
        for (int i = 0; i < 3; i++) {
            limits.check("a", story, IdempotencyKey.random());
        }
        limits.check("b", story, IdempotencyKey.random());
        now.addAndGet(Duration.ofHours(1).toNanos());
        for (int i = 0; i < 3; i++) {
            limits.check("a", story, IdempotencyKey.random());
        }
        assertThat(refusal(limits, "a", story)).isPositive();
    }

    @Test
    void anArticleTakesItsBurstFromEverybodyThenItsRate() {
        IntakeRateLimits limits = limits(10, 10, 2, 1);
        limits.check("a", story, IdempotencyKey.random());
        limits.check("b", story, IdempotencyKey.random());
        assertThat(refusal(limits, "c", story)).isEqualTo(Duration.ofMinutes(1));
        assertThatNoException().isThrownBy(() -> limits.check("c", ArticleId.random(), IdempotencyKey.random()));
    }

    @Test
    void retriesOfOneSubmissionAreChargedOnceAMinute() {
        IntakeRateLimits limits = limits(1, 1, 100, 100);
        IdempotencyKey key = IdempotencyKey.random();
        limits.check("a", story, key);
        limits.check("a", story, key);
        limits.check("a", story, key);
        assertThat(refusal(limits, "a", story)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void everyRequestOfAClientCountsBeforeAnyCommentQuotaAndIpv6ClientsCountPerSlash64() {
        IntakeRateLimits limits = limits(100, 100, 100, 100); // five requests at once, then two a minute
        String client = news.cms.core.ratelimit.RateLimiter.addressBucket("2001:db8:7:7::1");
        for (int i = 0; i < 5; i++) {
            limits.admit(client);
        }
        String sameSubscriber = news.cms.core.ratelimit.RateLimiter.addressBucket("2001:db8:7:7:dead:beef:0:1");
        IntakeRefused refused = catchThrowableOfType(IntakeRefused.class, () -> limits.admit(sameSubscriber));
        assertThat(refused.type()).isEqualTo("rate-limited");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThatNoException().isThrownBy(() -> limits.admit("203.0.113.4"));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThatNoException().isThrownBy(() -> limits.admit(client));
    }

    @Test
    void aFloodOfDistinctSubmissionsIsRememberedInBoundedMemoryAndAHotRetryStaysFree() {
        IntakeRateLimits limits = limits(1, 1, 10_000_000, 10_000_000);
        IdempotencyKey key = IdempotencyKey.random();
        limits.check("198.51.100.1", story, key);
        for (int i = 0; i < 300_000; i++) {
            limits.check("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), story, IdempotencyKey.random());
            if (i % 1_000 == 0) {
                // The hot client keeps posting (refused: its quota is spent) and retrying its first
                // comment, which is never charged again: were that forgotten, the retry would be refused.
                assertThat(refusal(limits, "198.51.100.1", story)).isEqualTo(Duration.ofMinutes(1));
                limits.check("198.51.100.1", story, key);
            }
        }
        assertThat(limits.chargesHeld()).isLessThanOrEqualTo(100_000);
        assertThatNoException().isThrownBy(() -> limits.check("198.51.100.1", story, key));
    }
}
