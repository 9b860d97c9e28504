package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.cms.core.account.Role;
import news.cms.core.article.internal.ArticleRepository;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled stories go live once their time comes, exactly once, with two scheduler instances
 * racing (as two app instances on one database do): one go-live revision, one feed entry and one
 * audit row per story; a story scheduled before a restart goes live after it (the schedule lives
 * in PostgreSQL).
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

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoSchedulerInstancesPutADueStoryLiveExactlyOnce() throws Exception {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "هەواڵی خشتەکراو", "ئەم هەواڵە بە خشتە بڵاو دەکرێتەوە.", "دهۆک"));
        // An hour ahead, so the app's own scheduler (on the real clock) never takes it first on a
        // loaded machine: the base run of 2026-12-06 saw both test instances find nothing due.
        Instant at = clock.instant().plus(Duration.ofHours(1));
        Article scheduled = Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at));
        assertThat(scheduled.state()).isEqualTo(ArticleState.SCHEDULED);

        // Two instances that started after the schedule was stored, as after a restart, and whose
        // clocks say the time has come.
        Clock later = Clock.offset(clock, Duration.ofHours(1).plusSeconds(2));
        ScheduledPublisher first = newInstance(later);
        ScheduledPublisher second = newInstance(later);
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

    @Test
    void twoInstancesRunningTheirSchedulersAtOncePutEachDueStoryLiveExactlyOnce() throws Exception {
        List<Article> due = new ArrayList<>();
        List<LanguageTag> languages =
                List.of(LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH);
        for (int i = 0; i < 24; i++) {
            LanguageTag language = languages.get(i % languages.size());
            Article approved = Newsroom.approvedStory(
                    articles, Newsroom.story(language, headline(language, i), "Body " + i + ".", "Kirkuk"));
            Instant at = clock.instant().plusSeconds(30 + i % 5); // some at the same moment
            due.add(Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at)));
        }
        Clock later = Clock.offset(clock, Duration.ofMinutes(1));
        ScheduledPublisher first = newInstance(later);
        ScheduledPublisher second = newInstance(later);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> runs = new ArrayList<>();
            for (ScheduledPublisher instance : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    instance.publishDue(); // what @Scheduled runs: until nothing is due
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        }

        for (Article story : due) {
            String id = story.id().value().toString();
            assertThat(Newsroom.asEditor(() -> articles.find(story.id()).orElseThrow()))
                    .satisfies(live -> assertThat(live.state()).isEqualTo(ArticleState.PUBLISHED))
                    .satisfies(live -> assertThat(live.publicVersion()).isEqualTo(1));
            assertThat(jdbc.sql("select count(*) from article_revision where article_id = ? and action = 'GO_LIVE'")
                            .param(story.id().value())
                            .query(Integer.class)
                            .single())
                    .as("go-live revisions of %s", id)
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from feed_entry where article_id = ?")
                            .param(story.id().value())
                            .query(Integer.class)
                            .single())
                    .as("feed entries of %s", id)
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from audit_event where target_type = 'article' and target_id = ?"
                                    + " and action = 'article.go_live'")
                            .param(id)
                            .query(Integer.class)
                            .single())
                    .as("go-live audit rows of %s", id)
                    .isEqualTo(1);
        }
    }

    private static String headline(LanguageTag language, int i) {
        return switch (language.value()) {
            case "ar" -> "نشرة الصباح رقم " + i;
            case "ckb" -> "هەواڵی بەیانی ژمارە " + i;
            case "tr" -> "Sabah bülteni " + i;
            default -> "Morning bulletin " + i;
        };
    }

    private ScheduledPublisher newInstance() {
        return newInstance(clock);
    }

    private ScheduledPublisher newInstance(Clock clock) {
        return new ScheduledPublisher(
                repository,
                articles,
                transactions,
                new ArticleProperties(Duration.ofMinutes(2), true, Duration.ofSeconds(1)),
                clock);
    }
}
