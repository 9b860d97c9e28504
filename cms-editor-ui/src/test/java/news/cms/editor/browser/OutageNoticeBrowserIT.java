package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import news.cms.core.account.AccountService;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EngineFaults;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database freezes (SIGSTOP) while a reporter has typed into a story and presses Save: the page
 * stays, a notice in the UI language says the database is not answering, the typed text is still in
 * the fields; once the database is back, Save stores exactly that text. A page opened meanwhile says
 * the same instead of Vaadin's error page, and offers to open it again.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OutageNoticeBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    private Browser browser;

    @BeforeEach
    void people() {
        Browser.createPeople(accounts);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void inEnglishTheNoticeSaysTheDatabaseIsNotAnsweringAndTheTypedTextIsSavedAfterwards() {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ENGLISH, "Ferry service resumes", "Boats sailed again at dawn.", "BASRA")));
        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);

        saveWhileFrozenThenAfterwards(
                draft,
                "Ferry service resumes after the storm",
                "Boats left the harbour at dawn; the port authority expects a full timetable by Friday.",
                "The database is not answering just now",
                "ltr",
                "outage-notice-english");

        // Opening a page while the database is frozen: a notice page (not Vaadin's error page) with a
        // link that opens the same page once the database is back.
        try (EngineFaults.Frozen frozen = EngineFaults.freezeDatabase()) {
            browser.open("/story/" + draft.id());
            assertThat(browser.text("outage-page-text"))
                    .startsWith("This page cannot be opened while the database is not answering.");
            assertThat(browser.text("outage-retry")).isEqualTo("Try again");
            browser.screenshot("outage-page-english");
        }
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> {
                    if (!browser.driver.findElements(By.id("outage-retry")).isEmpty()) {
                        browser.click("outage-retry");
                    }
                    return browser.driver.findElements(By.id("save")).size() == 1;
                });
        assertThat(value("#headline > input")).isEqualTo("Ferry service resumes after the storm");
    }

    @Test
    void inArabicTheNoticeIsArabicAndRightToLeft() {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد", "افتتح الجسر صباح اليوم.", "الموصل")));
        browser = new Browser(port);
        browser.signIn(REPORTER, Browser.PASSWORD);
        browser.chooseUiLanguage("ar");

        saveWhileFrozenThenAfterwards(
                draft,
                "افتتاح جسر جديد فوق دجلة",
                "عبرت أولى السيارات الجسر عند السابعة صباحًا، وقال المهندسون إن 2 من المسارات ستُفتح لاحقًا.",
                "قاعدة البيانات لا تستجيب الآن",
                "rtl",
                "outage-notice-arabic");
    }

    private void saveWhileFrozenThenAfterwards(
            Article draft, String headline, String body, String noticeStart, String direction, String screenshot) {
        browser.open("/story/" + draft.id());
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("save")));
        // Typed before the freeze: the first edit takes the story's lock.
        browser.type("headline", headline);
        browser.type("body", body);

        try (EngineFaults.Frozen frozen = EngineFaults.freezeDatabase()) {
            browser.click("save");
            String notice = browser.text("outage-text");
            assertThat(notice).startsWith(noticeStart);
            assertThat(browser.script("return getComputedStyle(document.getElementById('outage-text')).direction;"))
                    .isEqualTo(direction);
            assertThat(browser.script("return document.getElementById('outage-text').getAttribute('role');"))
                    .isEqualTo("alert");
            // The page was not replaced: the story's form is there and still holds what was typed.
            assertThat(browser.driver.findElements(By.id("outage-page"))).isEmpty();
            assertThat(value("#headline > input")).isEqualTo(headline);
            assertThat(value("#body > textarea")).isEqualTo(body);
            browser.screenshot(screenshot);
        }

        // Back again (the breaker may still refuse for a second or two): Save stores the typed text.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> {
                    browser.click("save");
                    return headline.equals(storedHeadline(draft));
                });
        Article saved = Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow());
        assertThat(saved.content().body()).isEqualTo(body);
        assertThat(saved.version()).isEqualTo(draft.version() + 1);
        assertThat(value("#headline > input")).isEqualTo(headline);
    }

    private String storedHeadline(Article draft) {
        return Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow())
                .headline();
    }

    private String value(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getAttribute("value");
    }
}
