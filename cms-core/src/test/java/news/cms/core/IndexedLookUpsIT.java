package news.cms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import news.cms.core.article.internal.ArticleRepository;
import news.cms.core.feed.internal.FeedRepository;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Look-ups whose cost grew with the newsroom until V27 gave each an index of its own. Two run in
 * the background of every app every few seconds, whatever the traffic: over 100,000 stories, without
 * an index, the embargo-lift look-up took 117 ms a second and the outbox's 217 ms every few seconds.
 * The third is every uncached feed page's. A test database is too small for the planner to prefer an
 * index by itself, so sequential scans are switched off for the plan: one is still chosen when no
 * index can answer the statement, and the plan must name the index meant for it.
 */
@CmsIntegrationTest
class IndexedLookUpsIT {

    /**
     * Spring Modulith 2.0's look-ups of incomplete event publications, as PostgreSQL logged them
     * (resubmission by {@code OutboxRetry}, and the outstanding publications at start).
     */
    private static final List<String> OUTBOX_LOOK_UPS = List.of(
            "SELECT ID, COMPLETION_DATE, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,"
                    + " COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE FROM EVENT_PUBLICATION"
                    + " WHERE (COMPLETION_DATE IS NULL OR STATUS IS NOT NULL AND STATUS = 'PROCESSING')"
                    + " AND PUBLICATION_DATE < ? ORDER BY PUBLICATION_DATE ASC",
            "SELECT ID, COMPLETION_DATE, EVENT_TYPE, LISTENER_ID, PUBLICATION_DATE, SERIALIZED_EVENT, STATUS,"
                    + " COMPLETION_ATTEMPTS, LAST_RESUBMISSION_DATE FROM EVENT_PUBLICATION"
                    + " WHERE COMPLETION_DATE IS NULL OR STATUS != 'COMPLETED' ORDER BY PUBLICATION_DATE ASC");

    @Autowired
    DataSource dataSource;

    @Test
    void theEmbargoLiftLookUpReadsOnlyEmbargoedStories() throws SQLException {
        List<String> plan = plan(FeedRepository.NEXT_LIFTED_EMBARGO, Timestamp.from(Instant.now()));

        assertThat(String.join("\n", plan)).contains("article_embargo_idx").doesNotContain("Seq Scan on article");
    }

    @Test
    void theOutboxLookUpsReadOnlyOpenPublications() throws SQLException {
        for (String lookUp : OUTBOX_LOOK_UPS) {
            List<String> plan = lookUp.contains("?") ? plan(lookUp, Timestamp.from(Instant.now())) : plan(lookUp);

            assertThat(String.join("\n", plan))
                    .as(lookUp)
                    .contains("event_publication_open_idx")
                    .doesNotContain("Seq Scan");
        }
    }

    @Test
    void aFeedPageFindsEachStorysPublicRevisionWithoutReadingTheOthers() throws SQLException {
        // The two arrays as ArticleRepository binds them.
        List<String> plan = plan(
                ArticleRepository.PUBLIC_VERSIONS_MADE,
                new UUID[] {UUID.randomUUID(), UUID.randomUUID()},
                new Integer[] {1, 3});

        assertThat(String.join("\n", plan))
                .contains("article_revision_public_idx")
                .doesNotContain("Seq Scan");
    }

    /** The statement's plan, with sequential scans switched off for this connection. */
    private List<String> plan(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement set = connection.createStatement()) {
                set.execute("set enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    explain.setObject(i + 1, parameters[i]);
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return lines;
            } finally {
                try (Statement reset = connection.createStatement()) {
                    reset.execute("reset enable_seqscan");
                }
            }
        }
    }
}
