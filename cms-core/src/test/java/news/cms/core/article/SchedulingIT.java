package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.cms.core.account.Role;
import news.cms.core.article.internal.ArticleRepository;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled stories go live once their time comes, exactly once, with two scheduler instances
 * racing; a story scheduled before a restart goes live after it (the schedule lives in PostgreSQL).
 */
@CmsIntegrationTest
class SchedulingIT {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void twoSchedulerInstancesPutADueStoryLiveExactlyOnce() throws Exception {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "هەواڵی خشتەکراو", "ئەم هەواڵە بە خشتە بڵاو دەکرێتەوە.", "دهۆک"));
        Instant at = clock.instant().plusSeconds(1);
        Article scheduled = Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at));
        assertThat(scheduled.state()).isEqualTo(ArticleState.SCHEDULED);

        Thread.sleep(Duration.between(clock.instant(), at).plusMillis(200));

        // Two instances that started after the schedule was stored, as after a restart.
        ScheduledPublisher first = newInstance();
        ScheduledPublisher second = newInstance();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Callable<Boolean> a = () -> {
                go.await();
                return first.publishNextDue();
            };
            Callable<Boolean> b = () -> {
                go.await();
                return second.publishNextDue();
            };
            Future<Boolean> fa = pool.submit(a);
            Future<Boolean> fb = pool.submit(b);
            go.countDown();
            assertThat(fa.get() ^ fb.get())
                    .as("exactly one instance published it")
                    .isTrue();
        }
        assertThat(first.publishNextDue()).isFalse();
        assertThat(second.publishNextDue()).isFalse();

        Article live = Newsroom.asEditor(() -> articles.find(approved.id()).orElseThrow());
        assertThat(live.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(live.publicVersion()).isEqualTo(1);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> articles.history(approved.id()), Role.EDITOR))
                .filteredOn(r -> r.action() == Action.GO_LIVE)
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.actor()).isEqualTo("scheduler"));
    }

    @Test
    void aStoryIsNotPublishedBeforeItsTimeAndPastTimesAreRefused() {
        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Yarın yayımlanacak haber", "Metin.", "Mersin"));
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.schedule(
                        approved.id(), approved.version(), clock.instant().minusSeconds(60))))
                .isInstanceOf(InvalidSchedule.class);

        Article scheduled = Newsroom.asEditor(() -> articles.schedule(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofDays(1))));
        assertThat(newInstance().publishNextDue()).isFalse();
        assertThat(Newsroom.asEditor(() -> articles.find(approved.id()).orElseThrow()))
                .isEqualTo(scheduled);

        Article unscheduled = Newsroom.asEditor(() -> articles.unschedule(scheduled.id(), scheduled.version()));
        assertThat(unscheduled.state()).isEqualTo(ArticleState.APPROVED);
        assertThat(unscheduled.scheduledAt()).isNull();
    }

    private ScheduledPublisher newInstance() {
        return new ScheduledPublisher(
                repository,
                articles,
                transactions,
                new ArticleProperties(Duration.ofMinutes(2), true, Duration.ofSeconds(1)),
                clock);
    }
}
