package news.cms.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class NoticedCacheTest {

    static final String ID = "5f0c6b8e-8d3e-4a43-9d43-0f1a5e2f7c11";
    static final String OTHER = "0b7d3c44-61c2-4b7e-8f0e-3c8d9a7e2b55";

    record Key(String id, String variant) {}

    final NoticedCache<Key, String> byKeys = NoticedCache.<Key, String>watching("article")
            .evictingKeys(id -> List.of(new Key(id, "a"), new Key(id, "b")))
            .build();

    @Test
    void aRowsNoticeEvictsTheKeysItMapsTo() {
        byKeys.get(new Key(ID, "a"), k -> "1a");
        byKeys.get(new Key(ID, "b"), k -> "1b");
        byKeys.get(new Key(OTHER, "a"), k -> "2a");

        byKeys.on(ChangeNotice.parse("article:" + ID));

        assertThat(byKeys.getIfPresent(new Key(ID, "a"))).isNull();
        assertThat(byKeys.getIfPresent(new Key(ID, "b"))).isNull();
        assertThat(byKeys.getIfPresent(new Key(OTHER, "a"))).isEqualTo("2a");
    }

    @Test
    void noticesOfOtherTablesChangeNothing() {
        byKeys.get(new Key(ID, "a"), k -> "1a");

        byKeys.on(ChangeNotice.parse("partner_key:" + ID));
        byKeys.on(ChangeNotice.parse("partner_key:*"));

        assertThat(byKeys.getIfPresent(new Key(ID, "a"))).isEqualTo("1a");
    }

    @Test
    void everythingOrAWholeTableEmptiesTheCache() {
        for (ChangeNotice notice :
                List.of(ChangeNotice.everything(), ChangeNotice.parse("article:*"), ChangeNotice.parse("garbled"))) {
            byKeys.get(new Key(ID, "a"), k -> "1a");
            byKeys.get(new Key(OTHER, "b"), k -> "2b");

            byKeys.on(notice);

            assertThat(byKeys.size()).as("%s", notice).isZero();
        }
    }

    @Test
    void withoutAMappingAnyNoticeOfAWatchedTableEmptiesTheCache() {
        NoticedCache<String, String> pages =
                NoticedCache.<String, String>watching("article", "feed_entry").build();
        for (String payload : List.of("article:" + ID, "feed_entry:*", "article:*")) {
            pages.get("p1", k -> "page");
            pages.on(ChangeNotice.parse(payload));
            assertThat(pages.getIfPresent("p1")).as(payload).isNull();
        }
        pages.get("p1", k -> "page");
        pages.on(ChangeNotice.parse("comment_closure:*"));
        assertThat(pages.getIfPresent("p1")).isEqualTo("page");
    }

    @Test
    void aRowsNoticeMayEvictByWhatTheValuesHold() {
        NoticedCache<String, String> byPrefix = NoticedCache.<String, String>watching("partner_key")
                .evictingValues((id, value) -> value.equals("key " + id))
                .build();
        byPrefix.get("ABC", k -> "key " + ID);
        byPrefix.get("DEF", k -> "key " + OTHER);

        byPrefix.on(ChangeNotice.parse("partner_key:" + ID));

        assertThat(byPrefix.getIfPresent("ABC")).isNull();
        assertThat(byPrefix.getIfPresent("DEF")).isEqualTo("key " + OTHER);
    }

    @Test
    void aValueIsLoadedOnceAndANullIsNotKept() {
        AtomicInteger loads = new AtomicInteger();
        assertThat(byKeys.get(new Key(ID, "a"), k -> "v" + loads.incrementAndGet()))
                .isEqualTo("v1");
        assertThat(byKeys.get(new Key(ID, "a"), k -> "v" + loads.incrementAndGet()))
                .isEqualTo("v1");
        assertThat(byKeys.get(new Key(OTHER, "a"), k -> null)).isNull();
        assertThat(byKeys.size()).isEqualTo(1);
    }

    @Test
    void aValueLoadedWhileItsRowChangedIsNotKept() {
        String loaded = byKeys.get(new Key(ID, "a"), k -> {
            byKeys.on(ChangeNotice.parse("article:" + ID)); // the notice arrives mid-load
            return "stale";
        });

        assertThat(loaded).isEqualTo("stale");
        assertThat(byKeys.getIfPresent(new Key(ID, "a"))).isNull();
        assertThat(byKeys.get(new Key(ID, "a"), k -> "fresh")).isEqualTo("fresh");
        assertThat(byKeys.getIfPresent(new Key(ID, "a"))).isEqualTo("fresh");
    }

    @Test
    void aValueLoadedWhileTheCacheWasEmptiedOrValuesEvictedIsNotKept() {
        long stamp = byKeys.stamp();
        byKeys.on(ChangeNotice.everything());
        assertThat(byKeys.putIfUnchanged(new Key(ID, "a"), "stale", stamp)).isFalse();

        stamp = byKeys.stamp();
        byKeys.evictIf(v -> false);
        assertThat(byKeys.putIfUnchanged(new Key(ID, "a"), "stale", stamp)).isFalse();
        assertThat(byKeys.size()).isZero();
    }

    @Test
    void aLoadOnAnotherThreadThatOverlapsAnEvictionIsNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch evicted = new CountDownLatch(1);
        CompletableFuture<String> load = CompletableFuture.supplyAsync(() -> byKeys.get(new Key(ID, "a"), k -> {
            loading.countDown();
            try {
                evicted.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "read before the change";
        }));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        byKeys.on(ChangeNotice.parse("article:" + ID));
        evicted.countDown();

        assertThat(load.get(5, TimeUnit.SECONDS)).isEqualTo("read before the change");
        assertThat(byKeys.getIfPresent(new Key(ID, "a"))).isNull();
    }

    @Test
    void anEntryKeptUntilAnInstantIsGoneThenAndOthersStayUntilEvicted() {
        MutableClock clock = new MutableClock();
        NoticedCache<String, String> cache =
                NoticedCache.<String, String>watching("article").clock(clock).build();
        cache.get("a", k -> "A");
        cache.putIfUnchanged("b", "B", cache.stamp(), clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.getIfPresent("b")).isEqualTo("B");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.getIfPresent("b")).isNull();
        clock.advance(Duration.ofDays(30));
        assertThat(cache.getIfPresent("a")).isEqualTo("A");
        assertThat(cache.get("b", k -> "B2")).isEqualTo("B2");
    }

    @Test
    void aFloodOfKeysAskedForOnceStaysWithinTheCapAndLeavesTheHotKeysInPlace() {
        NoticedCache<String, String> cache = NoticedCache.<String, String>watching("article")
                .maxEntries(1_000)
                .build();
        List<String> hot = List.of("مقال-الموصل", "gotar-hewlêr", "haber-mersin", "story-erbil");
        AtomicInteger hotLoads = new AtomicInteger();
        for (int i = 0; i < 200_000; i++) {
            String miss = "random-" + i; // an unknown article id, asked for once, its "not found" kept
            cache.get(miss, k -> "not found");
            if (i % 50 == 0) {
                for (String key : hot) {
                    cache.get(key, k -> "story " + k + " #" + hotLoads.incrementAndGet());
                }
            }
        }
        assertThat(cache.size()).isLessThanOrEqualTo(1_000);
        assertThat(hotLoads)
                .as("each hot key loaded once, never flushed by the flood")
                .hasValue(hot.size());
        assertThat(cache.stats().hitCount()).isGreaterThan(0);
    }

    @Test
    void pastItsTotalSizeTheLeastUsedEntriesGoAndTheSizeHeldStaysWithinIt() {
        NoticedCache<String, String> cache = NoticedCache.<String, String>watching("article")
                .evictingKeys(id -> List.of(id, id + "-ckb"))
                .maxSize(10, String::length)
                .build();
        cache.get("a", k -> "نووسین"); // 6 characters
        cache.get("b", k -> "abc");
        assertThat(cache.sizeHeld()).isEqualTo(9);
        cache.get("b", k -> "never loaded: b is held");
        cache.putIfUnchanged("b", "abcd", cache.stamp()); // replacing b counts the new size
        assertThat(cache.sizeHeld()).isEqualTo(10);

        cache.get("c", k -> "xy"); // 10 + 2 > 10: something goes
        assertThat(cache.sizeHeld()).isLessThanOrEqualTo(10);
        assertThat(cache.get("huge", k -> "longer than the whole cache")).isEqualTo("longer than the whole cache");
        assertThat(cache.getIfPresent("huge")).as("served, never kept").isNull();

        cache.clear();
        cache.get("c", k -> "xy");
        cache.get("d", k -> "1234");
        cache.on(ChangeNotice.parse("article:c"));
        assertThat(cache.sizeHeld()).isEqualTo(4);
        cache.evictIf(v -> v.equals("1234"));
        assertThat(cache.sizeHeld()).isZero();
    }

    @Test
    void aSizeCapAlsoCapsTheCountOfSmallEntries() {
        NoticedCache<Integer, String> cache = NoticedCache.<Integer, String>watching("article")
                .maxEntries(100)
                .maxSize(1_000_000, String::length)
                .build();
        for (int i = 0; i < 10_000; i++) {
            cache.get(i, k -> "Ç");
        }
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void concurrentLoadsAndEvictionsLeaveTheSizeHeldEqualToWhatIsHeld() throws Exception {
        NoticedCache<Integer, String> cache = NoticedCache.<Integer, String>watching("article")
                .maxSize(1_000, String::length)
                .build();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int seed = t;
                work.add(pool.submit(() -> {
                    start.await();
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    for (int i = 0; i < 20_000; i++) {
                        int key = random.nextInt(50);
                        switch (random.nextInt(10)) {
                            case 0 -> cache.evict(key);
                            case 1 -> cache.evictIf(v -> v.length() == 7);
                            default -> cache.get(key, k -> "x".repeat(1 + random.nextInt(40)));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        long held = 0;
        for (int key = 0; key < 50; key++) {
            String v = cache.getIfPresent(key);
            held += v == null ? 0 : v.length();
        }
        assertThat(cache.sizeHeld()).isEqualTo(held).isLessThanOrEqualTo(1_000);
    }

    @Test
    void localEvictionsRunNowAndAgainWhenTheTransactionEnds() {
        AtomicInteger runs = new AtomicInteger();
        NoticedCache.nowAndAfterTransaction(runs::incrementAndGet);
        assertThat(runs).hasValue(1);

        TransactionSynchronizationManager.initSynchronization();
        try {
            NoticedCache.nowAndAfterTransaction(runs::incrementAndGet);
            assertThat(runs).hasValue(2);
            for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
            }
            assertThat(runs).hasValue(3);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aCacheIsConfiguredSensibly() {
        assertThatIllegalArgumentException().isThrownBy(() -> NoticedCache.watching());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NoticedCache.watching("article").maxEntries(0));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> NoticedCache.<String, String>watching("article").maxSize(0, String::length));
        assertThatIllegalStateException()
                .isThrownBy(() -> NoticedCache.<String, String>watching("article")
                        .evictingKeys(List::of)
                        .evictingValues((id, v) -> true)
                        .build());
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
