package news.cms.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A borrowed connection waits on a silent server for what is left of the 1.7 s read budget, not
 * the driver's whole-second socket timeout (2 s): a request whose database froze between borrow
 * and answer still gets its 503 inside the 2 s the apps promise (ADR 0013). A statement that is
 * only slow is ended first by the server's statement timeout (1.5 s), and its connection lives on.
 */
@CmsIntegrationTest
class DatabaseReadTimeoutIT {

    @Autowired
    DataSource dataSource;

    @Test
    void aSlowStatementIsEndedByTheServerAndItsConnectionLivesOn() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            SQLException slow =
                    catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT pg_sleep(1.65)"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(slow.getSQLState())
                    .as("query_canceled by statement_timeout")
                    .isEqualTo("57014");
            assertThat(took).isBetween(Duration.ofMillis(1_450), Duration.ofMillis(1_700));
            assertThat(statement.execute("SELECT 1")).isTrue();
        }
    }

    @Test
    void aServerThatFreezesAfterTheBorrowFailsTheStatementWithinTheBudget() throws Exception {
        Duration took;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            try (var frozen = EngineFaults.freezeDatabase()) {
                long start = System.nanoTime();
                SQLException silent = catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 1"));
                took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(silent.getSQLState()).as("connection failure").startsWith("08");
            }
        }
        assertThat(took).isBetween(Duration.ofMillis(1_500), Duration.ofMillis(1_900));
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection c = dataSource.getConnection();
                            Statement s = c.createStatement()) {
                        return s.execute("SELECT 1");
                    }
                });
    }
}
