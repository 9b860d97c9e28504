package news.cms.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.ratelimit.RateLimiter.Decision;
import news.cms.core.ratelimit.RateLimiter.Rate;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    final RateLimiter limiter = new RateLimiter(clock::get);

    void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void aBurstPassesAtOnceThenTheSteadyRate() {
        Rate rate = new Rate(3, 6); // a request every 10 s after the first three
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a", rate).allowed()).isTrue();
        }
        assertThat(limiter.take("a", rate).retryAfter()).isEqualTo(Duration.ofSeconds(10));
        advance(Duration.ofSeconds(4));
        assertThat(limiter.take("a", rate).retryAfter()).isEqualTo(Duration.ofSeconds(6));
        advance(Duration.ofSeconds(6));
        Decision granted = limiter.take("a", rate);
        assertThat(granted.allowed()).isTrue();
        assertThat(granted.retryAfter()).isZero();
        assertThat(limiter.take("a", rate).retryAfter()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aMinutesQuotaMayBeSpentAtOnceThenOneRequestPerInterval() {
        for (int remaining = 59; remaining >= 0; remaining--) {
            Decision d = limiter.take("key:a", Rate.perMinute(60));
            assertThat(d.allowed()).isTrue();
            assertThat(d.limit()).isEqualTo(60);
            assertThat(d.remaining()).isEqualTo(remaining);
        }
        Decision refused = limiter.take("key:a", Rate.perMinute(60));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(60);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.reset()).isEqualTo(Duration.ofMinutes(1));

        advance(Duration.ofMillis(999));
        assertThat(limiter.take("key:a", Rate.perMinute(60)).allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(limiter.take("key:a", Rate.perMinute(60)).allowed()).isTrue();
        assertThat(limiter.take("key:a", Rate.perMinute(60)).allowed()).isFalse();
    }

    @Test
    void remainingAndResetSayWhereTheCallerStandsAsTheRateLimitHeadersPublishThem() {
        Rate rate = Rate.perMinute(60);
        Decision first = limiter.take("k", rate);
        assertThat(first.remaining()).isEqualTo(59);
        assertThat(first.reset()).isEqualTo(Duration.ofSeconds(1));
        for (int i = 0; i < 9; i++) {
            limiter.take("k", rate);
        }
        advance(Duration.ofMillis(4_500)); // ten spent, four and a half refilled
        Decision d = limiter.take("k", rate);
        assertThat(d.allowed()).isTrue();
        assertThat(d.reset()).isEqualTo(Duration.ofMillis(6_500));
        assertThat(d.remaining()).isEqualTo(53); // a partly refilled request does not count

        Rate halfSeconds = Rate.perMinute(120);
        Decision other = limiter.take("other", halfSeconds);
        assertThat(other.limit()).isEqualTo(120);
        assertThat(other.remaining()).isEqualTo(119);
        assertThat(other.reset()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void waitingExactlyTheRetryAfterIsEnoughAndOneNanosecondLessIsNot() {
        // Rates that do not divide a minute evenly, bursts of one and more.
        for (Rate rate :
                List.of(new Rate(1, 7), new Rate(4, 7), new Rate(10, 4), new Rate(5, 1_000), Rate.perMinute(13))) {
            String key = "exact:" + rate;
            while (limiter.take(key, rate).allowed()) {
                // spend the burst
            }
            for (int round = 0; round < 3; round++) {
                Duration wait = limiter.take(key, rate).retryAfter();
                assertThat(wait).as("%s", rate).isPositive();
                clock.addAndGet(wait.toNanos() - 1);
                Decision early = limiter.take(key, rate);
                assertThat(early.allowed()).as("%s", rate).isFalse();
                assertThat(early.retryAfter()).as("%s", rate).isEqualTo(Duration.ofNanos(1));
                clock.incrementAndGet();
                assertThat(limiter.take(key, rate).allowed()).as("%s", rate).isTrue();
            }
        }
    }

    @Test
    void aBurstIsNeverExceededThoughTheRateDoesNotDivideAMinute() {
        for (Rate rate : List.of(new Rate(1, 7), new Rate(7, 7), new Rate(3, 11), new Rate(100, 3))) {
            String key = "burst:" + rate;
            int granted = 0;
            while (limiter.take(key, rate).allowed()) {
                granted++;
            }
            assertThat(granted).as("%s", rate).isEqualTo(rate.burst());
        }
    }

    @Test
    void bucketsAreSeparateAndRefillNoHigherThanTheBurst() {
        Rate rate = Rate.perMinute(5);
        for (int i = 0; i < 5; i++) {
            limiter.take("address:10.0.0.1", rate);
        }
        assertThat(limiter.take("address:10.0.0.1", rate).allowed()).isFalse();
        assertThat(limiter.take("address:10.0.0.2", rate).allowed()).isTrue();

        advance(Duration.ofHours(1));
        Decision refreshed = limiter.take("address:10.0.0.1", rate);
        assertThat(refreshed.allowed()).isTrue();
        assertThat(refreshed.remaining()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.take("address:10.0.0.1", rate).allowed()).isTrue();
        }
        assertThat(limiter.take("address:10.0.0.1", rate).allowed()).isFalse();
    }

    @Test
    void manyThreadsOnOneBucketNeverGetMoreThanItAllows() throws Exception {
        Rate rate = new Rate(100, 60); // a request a second after the burst
        int threads = 8;
        int attempts = 2_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int i = 0; i < attempts; i++) {
                        if (limiter.take("hot", rate).allowed()) {
                            granted++;
                        }
                        if (i % 100 == 0) {
                            clock.addAndGet(Duration.ofMillis(10).toNanos()); // time moves on meanwhile
                        }
                    }
                    return granted;
                }));
            }
            long begin = clock.get();
            start.countDown();
            int granted = 0;
            for (Future<Integer> f : results) {
                granted += f.get();
            }
            long elapsed = clock.get() - begin;
            long allowed = rate.burst() + elapsed / Duration.ofSeconds(1).toNanos();
            assertThat(granted).isLessThanOrEqualTo((int) allowed).isGreaterThanOrEqualTo(rate.burst());
        }
    }

    @Test
    void aFrozenClockGrantsExactlyTheBurstToManyThreads() throws Exception {
        Rate rate = new Rate(250, 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int granted = 0;
                    for (int i = 0; i < 1_000; i++) {
                        if (limiter.take("frozen", rate).allowed()) {
                            granted++;
                        }
                    }
                    return granted;
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Integer> f : results) {
                granted += f.get();
            }
            assertThat(granted).isEqualTo(250);
        }
    }

    @Test
    void bucketsThatAreFullAgainAreDroppedAndBusyOnesKept() {
        Rate rate = new Rate(2, 1); // refills a request a minute
        limiter.take("a", rate);
        limiter.take("b", rate);
        limiter.take("b", rate);
        advance(Duration.ofMinutes(1)); // a is full again, b has one of its two back
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.take("b", rate).remaining()).as("b kept its state").isZero();
        assertThat(limiter.take("a", rate).remaining()).as("a starts full").isEqualTo(1);
    }

    @Test
    void aMillionDistinctKeysStayWithinTheBoundAndTheHotBucketsKeepTheirState() {
        int max = 10_000;
        RateLimiter bounded = new RateLimiter(clock::get, max);
        Rate rate = new Rate(5, 1); // five at once, then one a minute: a flooder's bucket stays empty
        for (int i = 0; i < 5; i++) {
            bounded.take("address:192.0.2.7", rate);
            bounded.take("address:2001:db8::1", rate);
        }
        for (int i = 0; i < 1_000_000; i++) {
            // Distinct addresses, each once, in a frozen minute: none of their buckets is full again.
            assertThat(bounded.take("address:10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), rate)
                            .allowed())
                    .isTrue();
            if (i % 100 == 0) {
                // The hot keys keep asking through the flood, and keep being refused.
                assertThat(bounded.take("address:192.0.2.7", rate).allowed()).isFalse();
                assertThat(bounded.take("address:2001:db8::1", rate).allowed()).isFalse();
            }
        }
        assertThat(bounded.size()).isLessThanOrEqualTo(max);
        Decision hot = bounded.take("address:192.0.2.7", rate);
        assertThat(hot.allowed())
                .as("the flood did not give the hot key a fresh bucket")
                .isFalse();
        assertThat(hot.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(bounded.take("address:2001:db8::1", rate).allowed()).isFalse();
    }

    @Test
    void anIpv6ClientIsOneBucketForItsWholeSlash64AndAnIpv4ClientOneForItsAddress() {
        assertThat(RateLimiter.addressBucket("2001:db8:aa:bb:1:2:3:4"))
                .isEqualTo(RateLimiter.addressBucket("2001:db8:aa:bb:ffff::9"))
                .isEqualTo(RateLimiter.addressBucket("2001:0db8:00aa:00bb::1%eth0"))
                .isNotEqualTo(RateLimiter.addressBucket("2001:db8:aa:bc::1"));
        assertThat(RateLimiter.addressBucket("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(RateLimiter.addressBucket("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(RateLimiter.addressBucket("203.0.113.10")).isNotEqualTo("203.0.113.9");
    }

    @Test
    void aRateNeedsABurstAndAPace() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(0, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Rate(Rate.MAX_BURST + 1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimiter(clock::get, 0));
        assertThat(Rate.perMinute(30)).isEqualTo(new Rate(30, 30));
    }
}
