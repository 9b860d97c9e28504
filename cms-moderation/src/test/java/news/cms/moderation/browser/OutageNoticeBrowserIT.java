package news.cms.moderation.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.VaadinBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A moderator, in the Arabic UI, has typed the reason for a ban when the database freezes (SIGSTOP):
 * the ban cannot be stored, an Arabic right-to-left notice says why, the dialog stays open with the
 * typed reason; once the database is back the same button stores the ban, once.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class OutageNoticeBrowserIT {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    private VaadinBrowser moderator;

    @AfterEach
    void closeBrowser() {
        if (moderator != null) {
            moderator.close();
        }
    }

    @Test
    void aBanTypedWhileTheDatabaseIsFrozenStaysInTheDialogAndIsStoredOnceAfterwards() throws Exception {
        Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("dilan", "Dilan Kaya", Set.of(Role.MODERATOR), true), PASSWORD));
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Van Gölü kıyısında yeni park açıldı",
                        "Park bu sabah ziyaretçilere açıldı.",
                        "VAN"));
        postComment(story, "Parkın açılması güzel ama otopark yine yetersiz kalmış.");
        String reason = "ينشر الإعلان نفسه تحت كل خبر منذ أسبوع";

        moderator = new VaadinBrowser(port);
        moderator.open("/login");
        moderator.chooseUiLanguage("ar");
        moderator.signIn("dilan", PASSWORD);
        moderator.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-text")));
        moderator.click("ban");
        moderator.type("ban-reason", reason);

        try (EngineFaults.Frozen frozen = EngineFaults.freezeDatabase()) {
            moderator.click("ban-confirm");
            assertThat(moderator.text("outage-text")).startsWith("قاعدة البيانات لا تستجيب الآن");
            assertThat(moderator.script("return getComputedStyle(document.getElementById('outage-text')).direction;"))
                    .isEqualTo("rtl");
            assertThat(dialogOpen()).as("the ban dialog stays open").isTrue();
            assertThat(typedReason()).isEqualTo(reason);
            moderator.screenshot("moderation-outage-notice-arabic");
        }
        assertThat(bansWith(reason)).isZero();

        // Back again (the breaker may refuse for a second or two more): the same button bans, once.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> {
                    if (dialogOpen()) {
                        moderator.click("ban-confirm");
                    }
                    return !dialogOpen();
                });
        assertThat(bansWith(reason)).isOne();
    }

    private boolean dialogOpen() {
        return Boolean.TRUE.equals(
                moderator.script("const d = document.getElementById('ban-dialog'); return !!d && d.opened === true;"));
    }

    private String typedReason() {
        return moderator
                .driver
                .findElement(By.cssSelector("#ban-reason > textarea"))
                .getAttribute("value");
    }

    private long bansWith(String reason) {
        return jdbc.sql("select count(*) from comment_ban where reason = ?")
                .param(reason)
                .query(Long.class)
                .single();
    }

    private void postComment(Article story, String text) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        byte[] body = json.writeValueAsBytes(Map.of("displayName", "Okur", "text", text, "language", "tr"));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/v1/articles/" + story.id() + "/comments"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "outage-ban-1")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
