package news.cms.core.translation;

import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two "translate into" calls for a story that has no group yet, on two threads and two real
 * PostgreSQL connections. The first is held open after its inserts, the second is let in, and the
 * test waits until PostgreSQL shows the second waiting on a lock: the interleaving that gave the
 * second a duplicate-key error is forced, not hoped for.
 */
@CmsIntegrationTest
class TranslationRaceIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoFirstTranslationsIntoTheSameLanguageGiveOneDraftAndASpecificRefusal() throws Exception {
        Article original = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        "Erbil's new tram line carries its first passengers",
                        "The first tram left the citadel stop at seven.",
                        "Erbil"));
        int before = articleCount();

        Race race = race(original, "ar", "ar");

        assertThat(race.first()).isInstanceOf(Article.class);
        Article winner = (Article) race.first();
        assertThat(race.second()).isInstanceOfSatisfying(TranslationRefused.LanguageInGroup.class, refused -> {
            assertThat(refused.existing()).isEqualTo(winner.id());
            assertThat(refused.code()).isEqualTo("translation.language-in-group");
        });
        assertThat(articleCount()).isEqualTo(before + 1); // the loser's draft rolled back with it
        assertThat(group(original)).extracting(Translation::language).containsExactly("en", "ar");
    }

    @Test
    void twoFirstTranslationsIntoDifferentLanguagesBothLandInOneGroup() throws Exception {
        Article original = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC,
                        "البصرة تفتح سوقاً للكتب على ضفة شط العرب",
                        "يبقى السوق مفتوحاً حتى منتصف الليل طوال الشهر.",
                        "البصرة"));

        Race race = race(original, "ckb", "tr");

        assertThat(race.first()).isInstanceOf(Article.class);
        assertThat(race.second()).isInstanceOf(Article.class);
        List<Translation> group = group(original);
        assertThat(group).extracting(Translation::language).containsExactly("ar", "ckb", "tr");
        assertThat(group)
                .extracting(Translation::group)
                .containsOnly(group.getFirst().group());
        assertThat(group.subList(1, 3)).extracting(Translation::source).containsOnly(original.id());
    }

    /** Outcomes (an article or the exception) of the held first call and the waiting second. */
    private record Race(Object first, Object second) {}

    private Race race(Article original, String firstLanguage, String secondLanguage) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        int waitingBefore = waitingOnLocks();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Object> first = pool.submit(() -> outcome(() -> asReporter(() -> tx.execute(status -> {
                Article draft = translations.translate(original.id(), firstLanguage);
                firstInside.countDown();
                try {
                    letFirstCommit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return draft;
            }))));
            assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Object> second = pool.submit(() ->
                    outcome(() -> asReporter(() -> translations.translate(original.id(), secondLanguage))));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLocks() > waitingBefore);
            letFirstCommit.countDown();
            return new Race(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        }
    }

    private static Object outcome(java.util.function.Supplier<Article> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private int waitingOnLocks() {
        return jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database()")
                .query(Integer.class)
                .single();
    }

    private List<Translation> group(Article a) {
        return Newsroom.as(Newsroom.EDITOR, () -> translations.group(a.id()), Role.EDITOR);
    }

    private int articleCount() {
        return jdbc.sql("select count(*) from article").query(Integer.class).single();
    }
}
