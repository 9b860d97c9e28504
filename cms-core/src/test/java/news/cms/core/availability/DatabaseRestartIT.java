package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.jspecify.annotations.Nullable;
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
        String committedUpTo = queryForString("SELECT pg_current_wal_insert_lsn()::text", null);
        flushWriteAheadLog();
        assertThat(queryForString("SELECT (pg_current_wal_flush_lsn() >= ?::pg_lsn)::text", committedUpTo))
                .as("the write-ahead log is flushed past the story's commit before the crash")
                .isEqualTo("true");

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
        // Nothing committed and flushed before the crash is lost: recovery replays the log, and the
        // story is there both in its table and through the article service.
        assertThat(queryForString(
                        "SELECT headline FROM article WHERE id = ?::uuid",
                        before.id().toString()))
                .as("the story committed before the crash, read from its table")
                .isEqualTo("خبر قبل إعادة التشغيل");
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> articles.find(before.id()), Role.REPORTER))
                .as("the story committed before the crash, through the article service")
                .hasValueSatisfying(article -> assertThat(article.headline()).isEqualTo("خبر قبل إعادة التشغيل"));
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> articles.find(written.getLast()), Role.REPORTER))
                .as("a story written after the restart")
                .isPresent();
    }

    /**
     * The tests' PostgreSQL commits asynchronously (synchronous_commit=off and fsync=off, for speed):
     * a commit only queues its record, so an immediate stop loses what the WAL writer had not yet
     * handed to the kernel, which production's synchronous commits never do. A synchronous commit
     * flushes the log up to its own record, and so everything before it, but only when its
     * transaction wrote a record: one that merely takes an id (pg_current_xact_id()) writes none and
     * commits asynchronously whatever synchronous_commit says. Creating a temporary table writes
     * catalog records (the app role may: ADR 0009 grants it TEMPORARY), so this commit does flush.
     * fsync=off only skips the fsync, which a stop of the server (not of the machine) does not need.
     */
    private void flushWriteAheadLog() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = on");
                statement.execute("CREATE TEMPORARY TABLE wal_flush (written boolean) ON COMMIT DROP");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    private @Nullable String queryForString(String sql, @Nullable String parameter) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
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
