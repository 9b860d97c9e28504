package news.cms.testsupport;

import java.util.List;
import news.cms.core.search.internal.ArticleIndex;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
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
            jdbc.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
        }
        try {
            context.getBeanProvider(ArticleIndex.class).ifAvailable(ArticleIndex::recreate);
        } catch (RuntimeException e) {
            // A test that runs its own search engine may start with it stopped: nothing to empty then.
            LoggerFactory.getLogger(CleanData.class).info("search index not emptied: {}", e.getMessage());
        }
    }
}
