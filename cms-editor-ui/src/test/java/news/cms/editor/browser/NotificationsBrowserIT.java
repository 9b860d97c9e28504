package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
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
 * Two browsers at once: a reporter's note that mentions an editor makes the editor's bell count up
 * without a reload (server push), in English and in Arabic; the note shows in its own direction,
 * whatever the UI's, even when it starts with a Latin @mention.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotificationsBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | Ferry service resumes on Lake Dukan | The ferry runs twice a day.     | @layla can you check the timetable? | ltr | mentioned you
            ar | ar | عودة العبّارة إلى بحيرة دوكان            | تعمل العبّارة مرتين في اليوم. | @layla هل يمكنك التحقق من المواعيد؟ | rtl | ذكرك
            """)
    void aMentionInANoteCountsUpTheMentionedEditorsBellWithoutAReload(
            String ui, String language, String headline, String body, String note, String direction, String said) {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.of(language), headline, body, "Dukan")));

        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        if (!ui.equals("en")) {
            editor.chooseUiLanguage(ui);
        }
        editor.open("/");
        editor.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-bell")));
        assertThat(editor.driver.findElements(By.id("notification-count")))
                .as("nothing unread yet")
                .allSatisfy(c -> assertThat(c.isDisplayed()).isFalse());

        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        if (!ui.equals("en")) {
            reporter.chooseUiLanguage(ui);
        }
        reporter.open("/story/" + draft.id());
        reporter.click("tab-notes");
        reporter.type("note-text", note);
        reporter.waitForText("note-preview", EDITOR);
        reporter.click("note-add");
        WebElement shown = reporter.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notes-list .note .note-text")));
        assertThat(shown.getText()).isEqualTo(note.strip());
        assertThat(reporter.script("return getComputedStyle(arguments[0]).direction;", shown))
                .as("the note's own direction")
                .isEqualTo(direction);
        // The mention reads "@layla" in either direction: its "@" is drawn left of its "l".
        assertThat(reporter.script(
                        "const t = arguments[0].querySelector('.note-mention').firstChild;"
                                + " const at = document.createRange(); at.setStart(t, 0); at.setEnd(t, 1);"
                                + " const l = document.createRange(); l.setStart(t, 1); l.setEnd(t, 2);"
                                + " return at.getBoundingClientRect().left < l.getBoundingClientRect().left;",
                        shown))
                .isEqualTo(true);
        reporter.screenshot("notes-panel-" + ui);

        // The editor's page is not touched: the count arrives by push.
        editor.wait.until(ExpectedConditions.textToBe(By.id("notification-count"), "1"));
        assertThat(editor.driver.findElement(By.id("notification-count")).isDisplayed())
                .isTrue();
        editor.screenshot("notification-bell-" + ui);

        editor.click("notification-bell");
        WebElement item = editor.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notification-list .notification")));
        assertThat(item.getText()).contains(REPORTER).contains(said).contains(headline.strip());
        editor.screenshot("notification-list-" + ui);
        item.click();
        editor.waitForVaadin();
        editor.wait.until(ExpectedConditions.urlContains("/story/" + draft.id()));
        editor.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notification-count")));
    }
}
