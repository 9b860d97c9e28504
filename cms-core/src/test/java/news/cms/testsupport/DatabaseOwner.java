package news.cms.testsupport;

import javax.sql.DataSource;
import org.postgresql.Driver;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Connections as the database owner, the role Flyway runs as, for what the apps' own role may not do:
 * emptying tables between test classes, checking the owner's side of ADR 0009.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {}

    /** A data source without a pool, from the context's Flyway settings. */
    public static DataSource dataSource(Environment environment) {
        String url =
                environment.getProperty("spring.flyway.url", environment.getRequiredProperty("spring.datasource.url"));
        return new SimpleDriverDataSource(
                new Driver(),
                url,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }

    /**
     * Deletes the comments a test no longer wants, as the owner with the retention purge's switch on:
     * no other role or path may delete a comment (ADR 0009). {@code condition} is SQL over {@code c}.
     */
    public static int deleteComments(Environment environment, String condition) {
        try (java.sql.Connection connection = dataSource(environment).getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("select set_config('cms.retention_purge', 'on', false)");
            return statement.executeUpdate("delete from comment c where " + condition);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not delete the test's comments", e);
        }
    }
}
