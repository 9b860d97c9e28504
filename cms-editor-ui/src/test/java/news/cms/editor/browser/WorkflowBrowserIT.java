package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole desk workflow in headless Chromium against the app on real PostgreSQL and search: a
 * reporter files a Sorani story with two bylines, an editor sends it back with a note, the reporter
 * fixes and resubmits, the editor approves and schedules it, the scheduler puts it live, and the
 * editor corrects it with a public note.
 */
@CmsIntegrationTest(properties = "cms.articles.scheduler-enabled=true", webEnvironment = WebEnvironment.RANDOM_PORT)
class WorkflowBrowserIT extends ReporterAndEditor {

    static final String HEADLINE = "بارانی زۆر لە هەولێر";
    static final String FIXED_HEADLINE = "بارانی زۆر لە هەولێر و سلێمانی";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    /** What each of them saw last, before their browsers close. */
    @AfterEach
    void lastSeen() {
        if (reporter != null) {
            reporter.screenshot("last-seen-by-reporter");
        }
        if (editor != null) {
            editor.screenshot("last-seen-by-editor");
        }
    }

    @Test
    void aSoraniStoryGoesFromReporterToLiveAndIsCorrected() {
        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        reporter.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-grid")));
        reporter.screenshot("desk");

        // An English story edits left to right.
        reporter.click("new-story");
        reporter.type("language", "en");
        reporter.type("headline", "Heavy rain in Erbil");
        reporter.type("body", "It rained all day.\n\nThe UN said 40 mm fell.");
        reporter.type("dateline-place", "Erbil");
        assertThat(typedDirection(reporter, "headline")).isEqualTo("ltr");
        reporter.screenshot("editor-ltr-english");

        // The Sorani story: right to left, a dateline in Sorani, two bylines.
        reporter.open("/story");
        reporter.type("language", "ckb");
        reporter.type("headline", HEADLINE);
        reporter.type("body", "ئەمڕۆ باران بارى.\n\nUN said 40 mm.");
        reporter.type("dateline-place", "هەولێر");
        reporter.type("dateline-country", "IQ");
        List<WebElement> names = reporter.driver.findElements(By.cssSelector(".byline-name > input"));
        Browser.replace(names.getFirst(), "Rezan Ahmed");
        reporter.click("add-byline");
        reporter.wait.until(
                d -> d.findElements(By.cssSelector(".byline-name > input")).size() == 2);
        Browser.replace(
                reporter.driver
                        .findElements(By.cssSelector(".byline-name > input"))
                        .getLast(),
                "ژیان عەلی");
        reporter.click("save");
        reporter.wait.until(ExpectedConditions.urlMatches("/story/[^/]+$"));
        reporter.waitForText("story-state", "draft · v1");
        assertThat(reporter.text("story-title")).isEqualTo(HEADLINE);
        assertThat(typedDirection(reporter, "headline")).isEqualTo("rtl");
        assertThat(typedDirection(reporter, "body")).isEqualTo("rtl");
        reporter.screenshot("editor-rtl-sorani");
        ArticleId id = ArticleId.parse(reporter.driver
                .getCurrentUrl()
                .substring(reporter.driver.getCurrentUrl().lastIndexOf('/') + 1));
        Article filed = stored(id);
        assertThat(filed.language()).isEqualTo(LanguageTag.SORANI);
        assertThat(filed.bylines()).extracting(b -> b.name()).containsExactly("Rezan Ahmed", "ژیان عەلی");
        assertThat(filed.dateline().place()).isEqualTo("هەولێر");

        reporter.click("action-submit");
        reporter.waitForText("story-state", "submitted");
        leaveTheStory(reporter);

        // The editor sends it back with a note.
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        editor.open("/story/" + id);
        editor.click("action-request-changes");
        editor.type("action-note", "Please add who measured the rain.");
        editor.click("note-confirm");
        editor.waitForText("story-state", "draft");
        assertThat(stored(id).state()).isEqualTo(ArticleState.DRAFT);
        leaveTheStory(editor);

        // The reporter fixes it and submits again.
        reporter.open("/story/" + id);
        reporter.type("headline", FIXED_HEADLINE);
        reporter.click("save");
        reporter.wait.until(d -> stored(id).headline().equals(FIXED_HEADLINE));
        reporter.click("action-submit");
        reporter.waitForText("story-state", "submitted");
        leaveTheStory(reporter);

        // The editor approves and schedules it for the next whole minute at least 45 seconds away
        // (a loaded machine may take a while between reading the clock and the click).
        editor.open("/story/" + id);
        editor.click("action-approve");
        editor.waitForText("story-state", "approved");
        editor.click("action-schedule");
        LocalDateTime at = LocalDateTime.now(ZoneId.systemDefault())
                .plusSeconds(45)
                .truncatedTo(ChronoUnit.MINUTES)
                .plusMinutes(1);
        // Typed as a person would, in the formats the English UI shows: the date day first.
        Browser.replace(
                editor.wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#time-at [slot='date-picker'] > input"))),
                at.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
        Browser.replace(
                editor.driver.findElement(By.cssSelector("#time-at [slot='time-picker'] > input")),
                at.format(DateTimeFormatter.ofPattern("HH:mm")));
        editor.click("time-confirm");
        editor.waitForText("story-state", "scheduled");
        assertThat(stored(id).scheduledAt())
                .isEqualTo(at.atZone(ZoneId.systemDefault()).toInstant());

        // The scheduler puts it live.
        new WebDriverWait(editor.driver, Duration.ofSeconds(150), Duration.ofMillis(500))
                .until(d -> stored(id).state() == ArticleState.PUBLISHED);
        assertThat(articles.findPublic(id))
                .hasValueSatisfying(p -> assertThat(p)
                        .isInstanceOfSatisfying(
                                PublicArticle.Live.class,
                                live -> assertThat(live.correctionNote()).isNull()));

        // The editor corrects the live story with a public note.
        editor.open("/story/" + id);
        editor.waitForText("story-state", "published");
        editor.type("body", "ئەمڕۆ باران بارى.\n\nUN said 45 mm.");
        editor.click("action-correct");
        editor.type("action-note", "An earlier version gave the wrong rainfall.");
        editor.click("note-confirm");
        editor.wait.until(d -> stored(id).body().contains("45 mm"));
        assertThat(articles.findPublic(id))
                .hasValueSatisfying(p -> assertThat(p)
                        .isInstanceOfSatisfying(
                                PublicArticle.Live.class,
                                live -> assertThat(live.correctionNote())
                                        .isEqualTo("An earlier version gave the wrong rainfall.")));
        editor.screenshot("editor-corrected");
    }

    /** Goes back to the desk inside the app, which lets go of the story's edit lock. */
    private static void leaveTheStory(Browser browser) {
        browser.click("nav-desk");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("desk-grid")));
    }

    private Article stored(ArticleId id) {
        return Newsroom.asEditor(() -> articles.find(id).orElseThrow());
    }

    /** The computed direction of the element a field's text is typed into. */
    private static Object typedDirection(Browser browser, String fieldId) {
        return browser.script(
                "const f = document.getElementById(arguments[0]);"
                        + " const i = f && f.querySelector(':scope > input, :scope > textarea');"
                        + " return i ? getComputedStyle(i).direction : 'missing';",
                fieldId);
    }
}
