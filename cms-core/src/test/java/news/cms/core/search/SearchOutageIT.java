package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import news.cms.infra.search.SearchNode;
import news.cms.infra.search.SearchNodeOptions;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The search engine is down while 100 stories are published: every publish succeeds, and once
 * the engine is back all 100 are indexed from the outbox with no manual step.
 */
@CmsIntegrationTest(
        properties = {
            "cms.outbox.retry-enabled=true",
            "cms.outbox.retry-after=2s",
            "cms.outbox.retry-interval=1s",
            "cms.search.timeout=3s"
        })
// Its context talks to an engine that is gone after the class: close it rather than cache it.
@DirtiesContext
class SearchOutageIT {

    private static final int PORT = freePort();
    private static SearchNode node;

    @TempDir
    static Path data;

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @DynamicPropertySource
    static void searchEngineOfOurOwn(DynamicPropertyRegistry registry) {
        registry.add("cms.search.uri", () -> "http://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stopEngine() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void publishesWhileTheEngineIsDownAreIndexedWhenItReturns() {
        for (int i = 1; i <= 100; i++) {
            Article published = Newsroom.publishedStory(
                    articles,
                    Newsroom.story(
                            LanguageTag.TURKISH,
                            "Kesinti sırasında yayımlanan haber " + i,
                            "Arama motoru kapalıyken yayımlandı.",
                            "Batman"));
            assertThat(published.state()).isEqualTo(ArticleState.PUBLISHED);
        }

        node = SearchNode.start(SearchNodeOptions.persistent(PORT, data));

        // A search that times out while the node warms up (a loaded machine) is asked again, as a reader would.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreException(SearchUnavailable.class)
                .untilAsserted(() -> assertThat(
                                search.search(new SearchQuery("kesinti", LanguageTag.TURKISH, SearchQuery.MAX_LIMIT))
                                        .hits())
                        .hasSize(100));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
