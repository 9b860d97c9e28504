package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The article cache holds bytes for minutes, yet a change committed by another app's JVM (the
 * editor's, the scheduler's) shows at once: here the change is written with plain SQL, so that only
 * the database's change notice can tell this app about it.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrossAppCacheIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeCommittedElsewhereReplacesTheCachedBytes() throws Exception {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Van Gölü'nde feribot seferleri başladı", "İlk sefer yapıldı.", "Van"));
        Api api = new Api(port);
        String path = "/v1/articles/" + story.id();
        HttpResponse<String> first = api.get(path);
        assertThat(api.get(path).headers().firstValue("ETag"))
                .isEqualTo(first.headers().firstValue("ETag"));

        jdbc.sql("update article set headline = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(
                        "Van Gölü'nde feribot seferleri yeniden başladı",
                        story.id().value())
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> now = api.get(path);
            assertThat(now.body()).contains("yeniden başladı");
            assertThat(now.headers().firstValue("ETag"))
                    .isNotEqualTo(first.headers().firstValue("ETag"));
        });
    }

    @Test
    void aKillCommittedElsewhereTurnsTheCachedArticleInto410() throws Exception {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Bridge reopens to traffic", "Cars crossed at dawn.", "Mosul"));
        Api api = new Api(port);
        String path = "/v1/articles/" + story.id();
        assertThat(api.get(path).statusCode()).isEqualTo(200);

        jdbc.sql("update article set state = 'KILLED', kill_reason = ?, killed_at = now(), updated_at = now(),"
                        + " version = version + 1 where id = ?")
                .params(
                        "The bridge did not reopen; the report was wrong.",
                        story.id().value())
                .update();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> gone = api.get(path);
            assertThat(gone.statusCode()).isEqualTo(410);
            assertThat(gone.body()).contains("the report was wrong").doesNotContain("Cars crossed at dawn");
        });
    }
}
