package news.cms.testsupport;

import java.util.List;
import news.cms.core.search.internal.ArticleIndex;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties every table but Flyway's history, and the search index, before each test class, so that
 * test classes can run in any order against the shared engines. Tables are emptied as the database
 * owner, outside the app's connection pool.
 */
public class CleanData implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext extension) {
        var context = SpringExtension.getApplicationContext(extension);
        // As the owner: the apps' role may not truncate (ADR 0009).
        var jdbc = new JdbcTemplate(DatabaseOwner.dataSource(context.getEnvironment()));
        List<String> tables = jdbc.queryForList(
                "select quote_ident(tablename) from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history'",
                String.class);
        if (!tables.isEmpty()) {
            truncate(jdbc, "truncate " + String.join(", ", tables) + " restart identity cascade");
        }
        try {
            context.getBeanProvider(ArticleIndex.class).ifAvailable(ArticleIndex::recreate);
        } catch (RuntimeException e) {
            // A test that runs its own search engine may start with it stopped: nothing to empty then.
            LoggerFactory.getLogger(CleanData.class).info("search index not emptied: {}", e.getMessage());
        }
    }

    /**
     * The cached contexts of earlier test classes keep their background work (outbox retries, the
     * push worker, the scheduler) running against the same tables, and a TRUNCATE taking all their
     * locks at once can deadlock with one of them (CI saw it once). PostgreSQL then aborts one side;
     * when that is us, it is tried again.
     */
    private static void truncate(JdbcTemplate jdbc, String truncate) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(truncate);
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
                LoggerFactory.getLogger(CleanData.class).info("emptying the tables deadlocked; again ({})", attempt);
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
