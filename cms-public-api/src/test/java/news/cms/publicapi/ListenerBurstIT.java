package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst as bench/search's corpus loader makes it: hundreds of stories created, submitted, approved
 * and published in one transaction, so that its commit hands the outbox listeners (indexing,
 * notifications) well over a thousand events at once. They queue on the bounded pool (ADR 0039):
 * never more than its eight threads run at a time, the database's pool of ten keeps room for
 * requests, readiness stays UP and the breaker closed throughout, and every event is processed.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ListenerBurstIT {

    private static final int STORIES = 240;
    private static final int EVENTS_PER_STORY = 4; // create, submit, approve, publish

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    ArticleService articles;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outages outages;

    @Autowired
    ThreadPoolTaskExecutor applicationTaskExecutor;

    @Test
    void aBurstOfStoriesInOneCommitQueuesItsListenersOnTheBoundedPool() throws Exception {
        Api api = new Api(port);
        Api ops = new Api(managementPort);
        int bound = applicationTaskExecutor.getCorePoolSize();
        assertThat(bound).isEqualTo(8);
        long completedBefore = applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount();

        long submitStarted = System.nanoTime();
        List<Article> published = new TransactionTemplate(transactions).execute(status -> {
            List<Article> stories = new ArrayList<>();
            for (int i = 0; i < STORIES; i++) {
                stories.add(Newsroom.publishedStory(articles, story(i)));
            }
            return stories;
        });
        // The commit only queued the listeners: the publishing thread never waited for them.
        assertThat(published).hasSize(STORIES);

        List<Integer> running = new CopyOnWriteArrayList<>();
        List<CircuitBreaker.State> breaker = new CopyOnWriteArrayList<>();
        List<Integer> readiness = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    running.add(applicationTaskExecutor.getActiveCount());
                    breaker.add(outages.database().state());
                    readiness.add(ops.get("/actuator/health/readiness").statusCode());
                    assertThat(incompletePublications()).isZero();
                });
        Duration drained = Duration.ofNanos(System.nanoTime() - submitStarted);

        assertThat(running)
                .as("listeners running at once")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(bound));
        assertThat(applicationTaskExecutor.getThreadPoolExecutor().getLargestPoolSize())
                .as("threads the pool ever had")
                .isLessThanOrEqualTo(bound);
        assertThat(applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount() - completedBefore)
                .as("the outbox listeners ran on this pool, not on a thread each (drained in %s)", drained)
                .isGreaterThanOrEqualTo((long) STORIES * EVENTS_PER_STORY);
        assertThat(breaker).as("the database's breaker").containsOnly(CircuitBreaker.State.CLOSED);
        assertThat(readiness).as("readiness while the listeners worked").containsOnly(200);

        // The API serves the burst at once: the last story, the feed, and search over all of it.
        Article last = published.getLast();
        assertThat(api.get("/v1/articles/" + last.id()).statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/feed.json").statusCode()).isEqualTo(200);
        assertThat(Api.JSON
                        .readTree(api.get("/v1/search?q=lanterns&lang=en").body())
                        .path("items")
                        .size())
                .isPositive();
    }

    private long incompletePublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    private static news.cms.core.article.ArticleContent story(int i) {
        return switch (i % 4) {
            case 0 ->
                Newsroom.story(
                        LanguageTag.ENGLISH, "Night market lanterns lit again " + i, "Stalls open till late.", "ERBIL");
            case 1 ->
                Newsroom.story(
                        LanguageTag.ARABIC, "عودة فوانيس السوق الليلي " + i, "تفتح الأكشاك حتى وقت متأخر.", "البصرة");
            case 2 ->
                Newsroom.story(
                        LanguageTag.SORANI,
                        "فانۆسەکانی بازاڕی شەو دیسان داگیرسان " + i,
                        "دووکانەکان تا درەنگ کراوەن.",
                        "سلێمانی");
            default ->
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Gece pazarının fenerleri yeniden yandı " + i,
                        "Tezgâhlar geç saate kadar açık.",
                        "MARDİN");
        };
    }
}
