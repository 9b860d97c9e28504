package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.notification.NotificationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A live desk, two browsers at once (ADR 0033): editor Layla approves and publishes while reporter
 * Rezan watches his desk and then the story's page, and Rezan sees each change, and the approval in
 * his bell, without a reload; then Layla breaks the lock on a story Rezan is typing in and saves it,
 * and Rezan's page says who holds the lock and that a newer version exists, his typed text kept. In
 * English and in Arabic.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveDeskBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLocks locks;

    @Autowired
    NotificationService notifications;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | Ferry service resumes on Lake Dukan | The ferry runs twice a day. | submitted | approved | published | My own headline   | Layla's headline  | saved a new version
            ar | ar | عودة العبّارة إلى بحيرة دوكان        | تعمل العبّارة مرتين في اليوم.  | مُرسل      | معتمد    | منشور     | عنواني أنا          | عنوان ليلى        | نسخة جديدة
            """)
    void whatTheEditorDoesShowsOnTheReportersDeskAndStoryPageWithoutAReload(
            String ui,
            String language,
            String headline,
            String body,
            String submitted,
            String approved,
            String published,
            String mine,
            String theirs,
            String announced) {
        LanguageTag lang = LanguageTag.of(language);
        Article story = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(lang, headline, body, "Dukan")));
        Article sent = Newsroom.asReporter(() -> articles.submit(story.id(), story.version()));
        Article draft =
                Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(lang, headline + " 2", body, "Dukan")));

        reporter = open(REPORTER, ui);
        reporter.open("/");
        reporter.wait.until(d -> cellTexts(reporter).contains(submitted));

        int unread = Newsroom.as(REPORTER, () -> notifications.unreadCount(), Role.REPORTER);
        editor = open(EDITOR, ui);
        editor.open("/story/" + sent.id());
        editor.click("action-approve");

        // Rezan's desk and bell change by push: his page is not touched.
        reporter.wait.until(d -> cellTexts(reporter).contains(approved));
        assertThat(cellTexts(reporter)).doesNotContain(submitted);
        reporter.wait.until(ExpectedConditions.textToBe(By.id("notification-count"), Integer.toString(unread + 1)));
        reporter.screenshot("live-desk-approved-" + ui);

        reporter.open("/story/" + sent.id());
        reporter.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("story-state"), approved));
        editor.waitForText("story-state", approved);
        editor.click("action-publish");
        reporter.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("story-state"), published));
        assertThat(reporter.driver.findElement(By.id("story-state")).getText())
                .endsWith("v"
                        + Newsroom.asEditor(() -> articles.find(sent.id()).orElseThrow())
                                .version());

        // Rezan types into his draft (and so holds its lock); Layla breaks the lock and saves.
        reporter.open("/story/" + draft.id());
        reporter.type("headline", mine);
        reporter.wait.until(d -> Newsroom.as(REPORTER, () -> locks.current(draft.id()), Role.REPORTER)
                .filter(l -> l.holder().equals(REPORTER))
                .isPresent());
        editor.open("/story/" + draft.id());
        editor.waitForText("lock-banner", REPORTER);
        editor.click("break-lock");
        editor.type("headline", theirs);
        editor.click("save");
        editor.wait.until(d -> Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow())
                .headline()
                .equals(theirs));

        reporter.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lock-banner"), EDITOR));
        WebElement changed =
                reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("changed-elsewhere-text")));
        assertThat(changed.getText()).contains(EDITOR).contains(announced);
        assertThat(reporter.script("return getComputedStyle(document.getElementById('changed-elsewhere')).direction;"))
                .isEqualTo(ui.equals("ar") ? "rtl" : "ltr");
        assertThat(reporter.driver
                        .findElement(By.cssSelector("#headline > input"))
                        .getAttribute("value"))
                .as("the reporter's typed text is kept")
                .isEqualTo(mine);
        reporter.screenshot("live-story-changed-elsewhere-" + ui);
    }

    private Browser open(String who, String ui) {
        Browser browser = new Browser(port);
        browser.signIn(who, Browser.PASSWORD);
        if (!ui.equals("en")) {
            browser.chooseUiLanguage(ui);
        }
        return browser;
    }

    /** The texts of the desk grid's cells, as shown. */
    private static List<String> cellTexts(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#desk-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }
}
