package news.cms.moderation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.VaadinBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A moderator in headless Chromium: signs in, sees a reader's flagged Arabic comment with its
 * evidence highlighted right-to-left, picks a reason and rejects it with the keyboard alone; the
 * reader's status link then tells them why, in Arabic.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class ModerationBrowserIT {

    static final String PASSWORD = "correct horse battery";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    private VaadinBrowser moderator;

    @AfterEach
    void closeBrowser() {
        if (moderator != null) {
            moderator.screenshot("moderation-last-seen");
            moderator.close();
        }
    }

    @Test
    void aModeratorRejectsAFlaggedArabicCommentByKeyboardAndTheReaderSeesWhyInArabic() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("mona", "Mona Saleh", Set.of(Role.MODERATOR), true), PASSWORD));
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC, "افتتاح مكتبة جديدة في البصرة", "افتتحت المكتبة أبوابها اليوم.", "البصرة"));
        String text = "يا كاتب المقال أنت غبـــي ولا تفهم شيئا";
        String receipt = postComment(story, text);

        moderator = new VaadinBrowser(port);
        moderator.signIn("mona", PASSWORD);
        WebElement shown = moderator.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-text")));
        assertThat(shown.getAttribute("dir")).isEqualTo("rtl");
        assertThat(shown.getText()).isEqualTo("يا كاتب المقال أنت غبـــي[personal attacks] ولا تفهم شيئا");
        WebElement mark = shown.findElement(By.tagName("mark"));
        assertThat(mark.getText()).isEqualTo("غبـــي");
        assertThat(mark.getAttribute("title")).isEqualTo("personal attacks");
        assertThat(mark.getCssValue("background-color"))
                .as("the evidence is visibly highlighted")
                .isNotIn("rgba(0, 0, 0, 0)", "transparent");
        moderator.screenshot("moderation-flagged-arabic-comment");

        // The keyboard only: 4 picks vulgarity, 3 changes to personal attacks, R rejects.
        // The keys act inside the comment panel: a click on the comment puts the focus there.
        moderator.click("comment-text");
        moderator.press("4");
        assertThat(checkedReason()).isEqualTo("4 vulgarity");
        moderator.press("3");
        assertThat(checkedReason()).isEqualTo("3 personal attacks");
        moderator.press("r");
        moderator.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("comment-text")));
        moderator.screenshot("moderation-after-rejection");

        // Stored once the undo window has passed.
        JsonNode decided = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> status(receipt), d -> d.get("status").asString().equals("rejected"));
        assertThat(decided.at("/reason/code").asString()).isEqualTo("personal-attacks");
        assertThat(decided.at("/reason/language").asString()).isEqualTo("ar");
        assertThat(decided.at("/reason/message").asString()).isEqualTo("لم يُنشر تعليقك لأنه يتضمن هجومًا شخصيًا.");
    }

    @Test
    void theLoginPageAndTheQueueFollowTheChosenLanguageInLangDirectionAndText() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("hawre", "Hawre Aziz", Set.of(Role.MODERATOR), true), PASSWORD));
        moderator = new VaadinBrowser(port);
        moderator.open("/login");
        assertThat(moderator.script("return document.documentElement.lang")).isEqualTo("en");
        for (String[] language : new String[][] {
            {"ar", "rtl", "تسجيل الدخول · إشراف التعليقات", "تعليقات بانتظار القرار"},
            {"ckb", "rtl", "چوونەژوورەوە · چاودێریی لێدوانەکان", "لێدوانە چاوەڕوانەکان"},
            {"tr", "ltr", "Giriş · Yorum denetimi", "Bekleyen yorumlar"},
            {"en", "ltr", "Sign in · Comment moderation", "Pending comments"}
        }) {
            moderator.open("/login");
            moderator.chooseUiLanguage(language[0]);
            assertThat(moderator.script("return document.documentElement.dir")).isEqualTo(language[1]);
            assertThat(moderator.script("return getComputedStyle(document.body).direction"))
                    .isEqualTo(language[1]);
            assertThat(moderator.driver.getTitle()).isEqualTo(language[2]);
            moderator.screenshot("moderation-login-" + language[0]);
            moderator.signIn("hawre", PASSWORD);
            moderator.waitForText("queue-title", language[3]);
            assertThat(moderator.script("return document.documentElement.lang")).isEqualTo(language[0]);
            assertThat(moderator.script("return getComputedStyle(document.getElementById('queue-main')).direction"))
                    .isEqualTo(language[1]);
            moderator.screenshot("moderation-queue-" + language[0]);
            moderator.click("sign-out");
        }
    }

    private JsonNode status(String receipt) throws Exception {
        HttpResponse<String> status = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/comments/" + receipt))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return json.readTree(status.body());
    }

    private String checkedReason() {
        return (String)
                moderator.script("const checked = document.querySelector('#reason vaadin-radio-button[checked]');"
                        + " return checked ? checked.textContent.trim() : null;");
    }

    private String postComment(Article story, String text) throws Exception {
        byte[] body = json.writeValueAsBytes(java.util.Map.of("displayName", "سلمى", "text", text, "language", "ar"));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/v1/articles/" + story.id() + "/comments"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "browser-1")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("receipt").asString();
    }
}
