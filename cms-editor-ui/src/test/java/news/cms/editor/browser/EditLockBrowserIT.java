package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people open the same story in two browsers: once the first has typed, the second gets the lock
 * message and a read-only form; a save from a stale version opens the conflict dialog and overwrites
 * nothing.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EditLockBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Test
    void theSecondPersonSeesTheLockAndAStaleSaveGetsTheConflictDialog() {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "أمطار غزيرة في الموصل", "هطلت الأمطار طوال اليوم.", "الموصل")));

        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        reporter.open("/story/" + draft.id());
        reporter.waitForText("story-state", "draft · v1");
        assertThat(reporter.driver.findElements(By.id("lock-banner")))
                .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        // The first edit takes the lock.
        reporter.type("headline", "عنواني");

        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        editor.open("/story/" + draft.id());
        editor.waitForText("lock-banner", "Being edited by " + REPORTER + " since ");
        WebElement headline = editor.driver.findElement(By.id("headline"));
        assertThat(headline.getAttribute("readonly")).isNotNull();
        assertThat(editor.driver.findElements(By.id("save")))
                .allSatisfy(s -> assertThat(s.isDisplayed()).isFalse());
        editor.screenshot("editor-locked-read-only");

        // Meanwhile the story is saved elsewhere, so the reporter's page holds a stale version.
        Newsroom.asReporter(() -> articles.save(
                draft.id(),
                draft.version(),
                Newsroom.story(LanguageTag.ARABIC, "عنوانهم", "هطلت الأمطار طوال اليوم.", "الموصل")));

        reporter.click("save");
        WebElement conflict =
                reporter.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("conflict-dialog")));
        reporter.wait.until(d -> Boolean.TRUE.equals(reporter.script("return arguments[0].opened;", conflict)));
        reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict-reload")));
        reporter.screenshot("editor-conflict-dialog");
        assertThat(Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow())
                        .headline())
                .isEqualTo("عنوانهم");

        reporter.click("conflict-reload");
        reporter.waitForText("story-state", "draft · v2");
        assertThat(reporter.driver
                        .findElement(By.cssSelector("#headline > input"))
                        .getAttribute("value"))
                .isEqualTo("عنوانهم");
    }
}
