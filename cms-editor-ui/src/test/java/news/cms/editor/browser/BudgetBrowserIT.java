package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.budget.BudgetService;
import news.cms.core.budget.Plan;
import news.cms.core.budget.PlannedItem;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The story budget in two browsers, in English and in Arabic: the editor plans an item (an empty slug
 * is refused on its field, in the UI language), the reporter finds it with an overdue one beside it
 * (said in words), starts it as a draft, and the calendar shows it among the day's entries.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BudgetBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    BudgetService budget;

    @Autowired
    Clock clock;

    private static void inUi(Browser b, String ui) {
        if (!ui.equals("en")) {
            b.chooseUiLanguage(ui);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | en | ltr | dukan-ferry-en | Dukan ferry timetable, call the operator.  | is required | Overdue | Erbil
            ar | ar | rtl | dukan-ferry-ar | اتصل بمشغل العبّارة لمعرفة المواعيد.        | حقل مطلوب  | متأخرة  | أربيل
            """)
    void theEditorPlansTheReporterStartsItAndTheCalendarShowsIt(
            String ui,
            String language,
            String direction,
            String slug,
            String notes,
            String required,
            String overdue,
            String place) {
        PlannedItem late = Newsroom.as(
                EDITOR,
                () -> budget.create(new Plan(
                        slug + "-late",
                        "news",
                        REPORTER,
                        clock.instant().minus(Duration.ofMinutes(30)),
                        300,
                        List.of(LanguageTag.of(language)),
                        notes)),
                Role.EDITOR);

        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        inUi(editor, ui);
        editor.open("/budget");
        editor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("budget-sections")));
        assertThat(editor.script("return getComputedStyle(document.getElementById('budget-sections')).direction;"))
                .isEqualTo(direction);
        assertThat(editor.driver.findElement(By.tagName("html")).getAttribute("dir"))
                .isEqualTo(direction);

        editor.click("budget-new");
        editor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-save")));
        editor.click("plan-save");
        editor.wait.until(d -> d.findElement(By.id("plan-slug")).getAttribute("invalid") != null);
        assertThat(editor.script("return document.getElementById('plan-slug').errorMessage;"))
                .asString()
                .contains(required);
        editor.type("plan-slug", slug);
        WebElement who = editor.driver.findElement(By.cssSelector("#plan-assignee > input"));
        who.sendKeys("Rezan Ahmed (rezan)");
        editor.waitForVaadin();
        who.sendKeys(Keys.ENTER);
        editor.waitForVaadin();
        editor.type("plan-notes", notes);
        editor.screenshot("budget-dialog-" + ui);
        editor.click("plan-save");
        editor.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("plan-save")));
        PlannedItem planned = Newsroom.as(REPORTER, () -> budget.mine(), Role.REPORTER).stream()
                .filter(i -> i.plan().slug().equals(slug))
                .findFirst()
                .orElseThrow();
        assertThat(planned.plan().languages()).containsExactly(LanguageTag.of(language));
        editor.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#budget-sections [data-item='" + planned.id() + "']")));
        editor.screenshot("budget-" + ui);

        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        inUi(reporter, ui);
        reporter.open("/assignments");
        WebElement lateRow = reporter.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#assignments [data-item='" + late.id() + "']")));
        assertThat(lateRow.findElement(By.className("plan-overdue")).getText())
                .as("overdue in words, not colour alone")
                .isEqualTo(overdue);
        assertThat(reporter.script(
                        "return getComputedStyle(arguments[0].querySelector('.plan-notes')).direction;", lateRow))
                .as("the notes in their own direction")
                .isEqualTo(direction);
        WebElement newRow =
                reporter.driver.findElement(By.cssSelector("#assignments [data-item='" + planned.id() + "']"));
        assertThat(newRow.findElements(By.className("plan-overdue"))).isEmpty();
        assertThat(reporter.script(
                        "return getComputedStyle(arguments[0]).borderInlineStartColor"
                                + " !== getComputedStyle(arguments[1]).borderInlineStartColor;",
                        lateRow,
                        newRow))
                .isEqualTo(true);
        reporter.screenshot("assignments-" + ui);

        reporter.script("arguments[0].querySelector('.plan-start').click();", newRow);
        reporter.waitForVaadin();
        reporter.type("start-place", place);
        reporter.click("start-confirm");
        reporter.wait.until(ExpectedConditions.urlContains("/story/"));
        PlannedItem started = Newsroom.as(REPORTER, () -> budget.find(planned.id()), Role.REPORTER)
                .orElseThrow();
        assertThat(started.articleId()).isNotNull();
        assertThat(reporter.driver.getCurrentUrl()).endsWith("/story/" + started.articleId());

        reporter.open("/calendar");
        WebElement entry = reporter.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#calendar-days [data-kind='PLANNED'][data-item='" + planned.id() + "']")));
        assertThat(entry.getText()).contains(slug);
        assertThat(reporter.script("return getComputedStyle(document.getElementById('calendar-days')).direction;"))
                .isEqualTo(direction);
        reporter.screenshot("calendar-budget-" + ui);
    }
}
