package news.cms.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import news.cms.core.article.ArticleService;
import news.cms.core.feed.ChangeFeed;
import news.cms.core.feed.FeedEntry;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bench corpus in batches writes what the workflow writes one command at a time: every story
 * published with its four revisions and audit events, a feed entry each, and the index following.
 */
@CmsIntegrationTest
class BenchCorpusIT {

    @Autowired
    ArticleService articles;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ChangeFeed feed;

    @Autowired
    SearchService search;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void batchedStoriesGoThroughTheWholeWorkflow() throws Exception {
        Path key = dir.resolve("key");
        new BenchCorpus(articles, keys, transactions, 3, "", "varied", 1).run(null);
        new BenchCorpus(articles, keys, transactions, 23, key.toString(), "varied", 8).run(null);

        assertThat(jdbc.queryForObject("select count(*) from article where state = 'PUBLISHED'", Integer.class))
                .isEqualTo(23);
        // Each story: create, submit, approve, publish — in revisions and in the audit trail, by
        // the reporter and then the editor, in batches exactly as one at a time.
        assertThat(jdbc.queryForList(
                        "select string_agg(action || ':' || actor, ',' order by version) from article_revision"
                                + " group by article_id",
                        String.class))
                .hasSize(23)
                .containsOnly("CREATE:reporter,SUBMIT:reporter,APPROVE:editor,PUBLISH:editor");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target_type = 'article'", Integer.class))
                .isEqualTo(4 * 23);
        List<FeedEntry> entries = feed.after(0, 100);
        assertThat(entries).hasSize(23);
        assertThat(entries).extracting(e -> e.language().value()).contains("en", "ar", "ckb", "tr");
        assertThat(Files.readString(key)).isNotBlank();

        // Story 21 (the 22nd) is Arabic and names group 1's cooperative; so does story 17.
        String name = BenchTexts.rareName(LanguageTag.ARABIC, 21 / BenchTexts.RARE_GROUP);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> search.search(new SearchQuery(name, LanguageTag.ARABIC, 10))
                                        .hits()
                                        .size()
                                == 2
                        && jdbc.queryForObject(
                                        "select count(*) from event_publication where completion_date is null",
                                        Integer.class)
                                == 0);
    }
}
