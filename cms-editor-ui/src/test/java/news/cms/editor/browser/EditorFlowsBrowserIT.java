package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.article.EditLock;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's flows in Chromium: the edit lock taken at the first edit only, the field-by-field
 * merge after a conflict, the tab-close guard, shortcuts that never type, dates and schedule
 * times in Arabic and Sorani, the page language in the first HTML, and the desk's headline links
 * cut from the right end.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EditorFlowsBrowserIT extends ReporterAndEditor {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLocks locks;

    @Test
    void viewingTakesNoLockTheFirstEditDoesAndLeavingGivesItUp() {
        Article submitted = submitted(LanguageTag.ARABIC, "أمطار غزيرة في الموصل");

        // The reporter may not edit a submitted story: viewing it blocks nobody.
        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        reporter.open("/story/" + submitted.id());
        reporter.waitForText("story-state", "submitted · v2");
        assertThat(lock(submitted)).isEmpty();

        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        editor.open("/story/" + submitted.id());
        editor.waitForText("story-state", "submitted · v2");
        assertThat(editor.driver.findElements(By.id("lock-banner")))
                .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        assertThat(editor.driver.findElement(By.id("action-approve")).isDisplayed())
                .isTrue();
        assertThat(lock(submitted)).isEmpty();

        editor.type("headline", "أمطار غزيرة جداً في الموصل");
        editor.wait.until(d -> lock(submitted).isPresent());
        assertThat(lock(submitted).orElseThrow().holder()).isEqualTo(EDITOR);

        // Someone else now sees who edits.
        reporter.open("/story/" + submitted.id());
        reporter.waitForText("lock-banner", "Being edited by " + EDITOR);

        // Leaving the story (after saying to drop the change) gives the lock up.
        editor.click("nav-desk");
        clickConfirm(editor);
        editor.wait.until(d -> lock(submitted).isEmpty());
    }

    @Test
    void aConflictIsMergedFieldByFieldAndNothingTypedIsLost() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "عنوان أول", "نص أول.", "الموصل")));
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        editor.open("/story/" + draft.id());
        editor.waitForText("story-state", "draft · v1");
        // Typed first, and known to the server (the page then asks before closing): a page with
        // nothing typed takes a newer version as soon as it hears of it. The first edit takes the lock.
        editor.type("headline", "عنواني");
        editor.wait.until(d -> unloadAsks());

        // Meanwhile the same editor saves a new body and headline in another tab (the lock is theirs).
        Newsroom.asEditor(() -> articles.save(
                draft.id(), draft.version(), Newsroom.story(LanguageTag.ARABIC, "عنوانهم", "نصهم الجديد.", "الموصل")));
        assertThat(value("headline")).as("what was typed stays").isEqualTo("عنواني");

        editor.click("save");
        editor.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict-merge")));
        assertThat(editor.text("merge-headline-mine")).isEqualTo("عنواني");
        assertThat(editor.text("merge-headline-theirs")).isEqualTo("عنوانهم");
        assertThat(editor.text("merge-body-theirs")).isEqualTo("نصهم الجديد.");
        assertThat(editor.script("return getComputedStyle(document.getElementById('merge-body-mine')).direction;"))
                .isEqualTo("rtl");
        editor.screenshot("editor-merge-dialog");

        // Mine for the headline (preselected: typed here), theirs for the body (changed only there).
        editor.click("conflict-merge");
        editor.waitForText("story-state", "draft · v2");
        assertThat(value("headline")).isEqualTo("عنواني");
        assertThat(value("body")).isEqualTo("نصهم الجديد.");
        assertThat(unloadAsks()).as("the merged text is not saved yet").isTrue();

        editor.click("save");
        editor.waitForText("story-state", "draft · v3");
        Article saved = Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow());
        assertThat(saved.headline()).isEqualTo("عنواني");
        assertThat(saved.body()).isEqualTo("نصهم الجديد.");
        assertThat(unloadAsks()).as("saved: the tab closes without asking").isFalse();
    }

    @Test
    void aShortcutPressedInATextFieldActsAndTypesNothing() {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "Seçim sonuçları", "Metin.", "Ankara")));
        reporter = new Browser(port);
        reporter.signIn(REPORTER, Browser.PASSWORD);
        reporter.open("/story/" + draft.id());
        reporter.waitForText("story-state", "draft · v1");
        WebElement submit = reporter.driver.findElement(By.id("action-submit"));
        assertThat(submit.getAttribute("aria-keyshortcuts")).isEqualTo("Control+Shift+1");

        WebElement headline = reporter.driver.findElement(By.cssSelector("#headline > input"));
        headline.click();
        headline.sendKeys(Keys.END);
        reporter.script("window.__keys = []; document.addEventListener('keydown',"
                + " e => window.__keys.push(e.code + '|' + e.key + '|' + e.ctrlKey + '|' + e.shiftKey), true);");
        new org.openqa.selenium.interactions.Actions(reporter.driver)
                .keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys("1")
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
        reporter.waitForVaadin();

        try {
            reporter.waitForText("story-state", "submitted · v2");
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("keys seen: " + reporter.script("return window.__keys;"), e);
        }
        assertThat(headline.getAttribute("value")).isEqualTo("Seçim sonuçları");
        assertThat(Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow())
                        .state())
                .isEqualTo(ArticleState.SUBMITTED);
    }

    @Test
    void datesReadAndRoundTripInArabicAndSorani() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "افتتاح معرض الكتاب", "النص.", "بغداد")));
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        for (String ui : List.of("ar", "ckb")) {
            editor.open("/");
            editor.chooseUiLanguage(ui);
            editor.open("/story/" + draft.id());
            // 25 November 2026, day first, in the page's digits (Sorani: Arabic-Indic with a
            // right-to-left mark per slash; Arabic: Latin, as CLDR has them, docs/adr/0038).
            awaitValue("dateline-date", shownDate(ui, "25/11/2026"));

            WebElement date = editor.driver.findElement(By.cssSelector("#dateline-date > input"));
            typeDate(date, "٣/١٢/٢٠٢٦");
            try {
                editor.wait.until(d ->
                        "2026-12-03".equals(editor.script("return document.getElementById('dateline-date').value;")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError(
                        "date picker: "
                                + editor.script("const p = document.getElementById('dateline-date');"
                                        + " return JSON.stringify({value: p.value, input: p.inputElement.value,"
                                        + " parsed: p.i18n.parseDate('٣/١٢/٢٠٢٦'), latin: p.i18n.parseDate('3/12/2026'),"
                                        + " invalid: p.invalid});"),
                        e);
            }
            // Latin digits are read too, and the field shows the date back in the page's digits.
            typeDate(date, "7/12/2026");
            editor.wait.until(
                    d -> "2026-12-07".equals(editor.script("return document.getElementById('dateline-date').value;")));
            awaitValue("dateline-date", shownDate(ui, "7/12/2026"));
            editor.screenshot("date-field-" + ui);

            editor.open("/calendar");
            editor.wait.until(d -> value("calendar-from")
                    .matches(ui.equals("ckb") ? "[٠-٩]+\u200F/[٠-٩]+\u200F/[٠-٩]{4}" : "[0-9]+/[0-9]+/[0-9]{4}"));
            editor.screenshot("calendar-date-" + ui);
        }
    }

    @Test
    void scheduleTimesReadAndRoundTripInArabicAndSorani() {
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        LocalDate day = LocalDate.now().plusDays(20);
        for (String ui : List.of("ar", "ckb")) {
            Article approved = approved(LanguageTag.ARABIC, "موعد نشر تقرير الميزانية " + ui);
            editor.open("/");
            editor.chooseUiLanguage(ui);
            editor.open("/story/" + approved.id());
            editor.click("action-schedule");
            // The proposed time (the next whole hour) shows 24-hour in the page's digits.
            editor.wait.until(d -> timeShown().matches(ui.equals("ckb") ? "[٠-٩]{2}:٠٠" : "[0-9]{2}:00"));

            WebElement date = editor.wait.until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector("#time-at [slot='date-picker'] > input")));
            typeDate(date, arabicIndic(day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear()));
            WebElement time = editor.driver.findElement(By.cssSelector("#time-at [slot='time-picker'] > input"));
            LocalTime expected;
            if (ui.equals("ar")) {
                // Typed in Arabic-Indic digits, shown back in the Arabic page's Latin ones.
                typeDate(time, "١٤:٣٥");
                expected = LocalTime.of(14, 35);
                awaitTime("14:35");
                assertThat(timeShown()).isEqualTo("14:35");
            } else {
                // Latin digits are read and shown back in Arabic-Indic; then a time picked from the list.
                typeDate(time, "9:05");
                awaitTime("09:05");
                assertThat(timeShown()).isEqualTo("٠٩:٠٥");
                editor.script("document.querySelector('#time-at [slot=\\'time-picker\\']').opened = true;");
                WebElement item = editor.wait.until(d -> (WebElement) editor.script("""
                        const all = [];
                        const walk = root => root.querySelectorAll('*').forEach(e => {
                          if (e.localName === 'vaadin-time-picker-item') { all.push(e); }
                          if (e.shadowRoot) { walk(e.shadowRoot); }
                        });
                        walk(document);
                        return all.find(i => i.textContent.trim() === '١٦:٠٠') || null;
                        """));
                item.click();
                editor.waitForVaadin();
                expected = LocalTime.of(16, 0);
                awaitTime("16:00");
                assertThat(timeShown()).isEqualTo("١٦:٠٠");
            }
            assertThat(dateShown())
                    .isEqualTo(shownDate(ui, day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear()));
            editor.screenshot("schedule-time-" + ui);
            ZoneId zone = ZoneId.of(
                    String.valueOf(editor.script("return document.querySelector('#time-zone > input').value;")));
            editor.click("time-confirm");
            editor.wait.until(d -> stored(approved).state() == ArticleState.SCHEDULED);
            assertThat(stored(approved).scheduledAt())
                    .isEqualTo(LocalDateTime.of(day, expected).atZone(zone).toInstant());
        }
    }

    @Test
    void theFirstHtmlOfAPageFollowsTheChosenUiLanguage() {
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        for (String ui : List.of("tr", "ckb", "en", "ar")) {
            editor.open("/");
            editor.chooseUiLanguage(ui);
            // The HTML the server sends for a page, before any script of ours has run.
            String html =
                    String.valueOf(editor.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " fetch('calendar', {credentials: 'same-origin'}).then(r => r.text()).then(done);"));
            String dir = List.of("ar", "ckb").contains(ui) ? "rtl" : "ltr";
            assertThat(html)
                    .as(ui)
                    .containsPattern("<html[^>]* lang=\"" + ui + "\"")
                    .containsPattern("<html[^>]* dir=\"" + dir + "\"");
            editor.open("/calendar");
            editor.wait.until(d -> ui.equals(editor.script("return document.documentElement.lang;")));
            assertThat(editor.script("return getComputedStyle(document.body).direction;"))
                    .isEqualTo(dir);
        }
    }

    @Test
    void deskHeadlinesAreLinksThatOpenWithEnterAndKeepTheirStartVisible() {
        String longHeadline = "افتتاح الجسر الجديد على نهر دجلة في الموصل بعد ثلاث سنوات من العمل المتواصل"
                + " بمشاركة مئات العمال والمهندسين من المدينة ومن خارجها";
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, longHeadline, "النص.", "الموصل")));
        editor = new Browser(port);
        editor.signIn(EDITOR, Browser.PASSWORD);
        editor.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 900));
        editor.open("/");
        editor.click("queue-all");
        By link = By.cssSelector("#desk-grid a.desk-headline[href='story/" + draft.id() + "']");
        WebElement headline = editor.wait.until(ExpectedConditions.presenceOfElementLocated(link));
        assertThat(headline.getAttribute("lang")).isEqualTo("ar");
        assertThat(headline.getCssValue("direction")).isEqualTo("rtl");
        assertThat(headline.getCssValue("text-overflow")).isEqualTo("ellipsis");
        // The start of the headline (its right end) is inside the link's box; its end is cut.
        @SuppressWarnings("unchecked")
        java.util.Map<String, Number> ends = (java.util.Map<String, Number>) editor.script("""
                const a = arguments[0];
                const text = a.firstChild;
                const r = document.createRange();
                r.setStart(text, 0); r.setEnd(text, 1);
                const first = r.getBoundingClientRect();
                const box = a.getBoundingClientRect();
                return {firstRight: first.right, boxRight: box.right, boxLeft: box.left,
                        scroll: a.scrollWidth, client: a.clientWidth};
                """, headline);
        assertThat(ends.get("scroll").intValue())
                .isGreaterThan(ends.get("client").intValue());
        assertThat(ends.get("firstRight").doubleValue())
                .isBetween(
                        ends.get("boxLeft").doubleValue(), ends.get("boxRight").doubleValue() + 1);
        editor.screenshot("desk-rtl-headline-cut");

        // Enter on the row opens the story.
        editor.script("arguments[0].focus();", headline);
        editor.press(Keys.ENTER);
        editor.wait.until(d -> d.getCurrentUrl().endsWith("/story/" + draft.id()));
    }

    /** Types a date as a person does: the picker takes it on Enter. */
    private void typeDate(WebElement date, String text) {
        date.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        date.sendKeys(text, Keys.ENTER);
        editor.waitForVaadin();
    }

    private void awaitValue(String id, String expected) {
        try {
            editor.wait.until(d -> expected.equals(value(id)));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(value(id)).as(id).isEqualTo(expected);
        }
    }

    private void awaitTime(String value) {
        try {
            editor.wait.until(d -> value.equals(
                    editor.script("return document.querySelector(\"#time-at [slot='time-picker']\").value;")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "time picker value "
                            + editor.script("return document.querySelector(\"#time-at [slot='time-picker']\").value;")
                            + ", shown " + timeShown(),
                    e);
        }
    }

    private String timeShown() {
        return String.valueOf(
                editor.script(
                        "const i = document.querySelector(\"#time-at [slot='time-picker'] > input\"); return i ? i.value : '';"));
    }

    private String dateShown() {
        return String.valueOf(
                editor.script("return document.querySelector(\"#time-at [slot='date-picker'] > input\").value;"));
    }

    /** A date as the UI shows it (docs/adr/0038): Sorani in Arabic-Indic digits, a mark before each slash. */
    private static String shownDate(String ui, String latin) {
        return ui.equals("ckb") ? arabicIndic(latin).replace("/", "\u200F/") : latin;
    }

    private static String arabicIndic(String latin) {
        StringBuilder out = new StringBuilder();
        latin.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) ('٠' + c - '0') : (char) c));
        return out.toString();
    }

    private Article stored(Article article) {
        return Newsroom.asEditor(() -> articles.find(article.id()).orElseThrow());
    }

    private Article approved(LanguageTag language, String headline) {
        Article submitted = submitted(language, headline);
        return Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));
    }

    private boolean unloadAsks() {
        return Boolean.TRUE.equals(
                editor.script("const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
                        + " return e.defaultPrevented;"));
    }

    private String value(String id) {
        return String.valueOf(editor.script(
                "const i = document.querySelector('#' + arguments[0] + ' > input, #' + arguments[0] + ' > textarea');"
                        + " return i ? i.value : null;",
                id));
    }

    private Optional<EditLock> lock(Article article) {
        return Newsroom.as(EDITOR, () -> locks.current(article.id()), Role.EDITOR);
    }

    private Article submitted(LanguageTag language, String headline) {
        Article draft =
                Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(language, headline, "النص.", "الموصل")));
        return Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
    }

    private static void clickConfirm(Browser browser) {
        WebElement confirm = browser.wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-confirm-dialog [slot='confirm-button'], [slot='confirm-button']")));
        confirm.click();
        browser.waitForVaadin();
    }
}
