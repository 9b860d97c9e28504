package news.cms.moderation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.Screener;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.VaadinBrowser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's keyboard in headless Chromium, in each UI language: J and K move the chosen comment,
 * ? lists the keys, the digits typed into the ban reason stay text (they pick reasons
 * only outside text fields) and Enter there is a new line, and a bulk approve or reject asks first.
 * Every page resource answers 200 and moderation.css really applies. The server-side twin is
 * QueueViewIT; this one proves the browser sees the same.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class QueueKeyboardBrowserIT {

    /**
     * Whether the 1 of the first "1–8" under the element {@code arguments[0]} names is drawn left of
     * its 8, measured on the page (null when there is none).
     */
    private static final String ONE_BEFORE_EIGHT = """
            const walker = document.createTreeWalker(document.querySelector(arguments[0]), NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const i = n.data.indexOf('1–8');
              if (i >= 0) {
                const at = k => { const r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1);
                  return r.getBoundingClientRect().left; };
                return at(i) < at(i + 2);
              }
            }
            return null;""";

    static final String PASSWORD = "Hewler-2026-befr";

    /** What each UI language says, written out here so that an untranslated text fails. */
    record Texts(String dir, String title, String banTitle, String bulkApprove, String bulkReject, String cancel) {}

    static final Map<String, Texts> TEXTS = Map.of(
            "en",
            new Texts(
                    "ltr",
                    "Pending comments",
                    "Ban this commenter",
                    "Approve 4 comments?",
                    "Reject 4 comments?",
                    "Cancel"),
            "ar",
            new Texts(
                    "rtl",
                    "تعليقات بانتظار القرار",
                    "حظر صاحب هذا التعليق",
                    "الموافقة على 4 تعليقًا؟",
                    "رفض 4 تعليقًا؟",
                    "إلغاء"),
            "ckb",
            new Texts(
                    "rtl",
                    "لێدوانە چاوەڕوانەکان",
                    "قەدەغەکردنی نووسەری ئەم لێدوانە",
                    "٤ لێدوان پەسەند بکرێن؟",
                    "٤ لێدوان ڕەت بکرێنەوە؟",
                    "پاشگەزبوونەوە"),
            "tr",
            new Texts(
                    "ltr",
                    "Bekleyen yorumlar",
                    "Bu yorumcuyu engelle",
                    "4 yorum onaylansın mı?",
                    "4 yorum reddedilsin mi?",
                    "Vazgeç"));

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.id + ' | ' + v.impact + ' | ' + n.target.join(' > ')
                  + ' | ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    /**
     * Violations inside Vaadin's own components that our code cannot reach, by rule and the CSS
     * target axe reports: vaadin-grid's table (role treegrid) keeps its rows behind slots, which
     * axe 4.6 does not follow (the same entry as the editor's AccessibilityBrowserIT).
     */
    private static final Map<String, List<String>> VAADIN_INTERNAL =
            Map.of("aria-required-children", List.of(",#table |"));

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    Screener screener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    private VaadinBrowser browser;

    @BeforeEach
    void onlyThisTestsComments() {
        DatabaseOwner.deleteComments(environment, "not exists (select 1 from comment_ban b where b.comment_id = c.id)");
        jdbc.sql("update comment set state = 'REJECTED', rejection_reason = 'spam', decided_at = now(),"
                        + " decided_by = 'earlier-test' where state = 'PENDING'")
                .update();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.screenshot("queue-keyboard-last-seen");
            browser.close();
        }
    }

    @ParameterizedTest
    // English too: the axe scan covers each main page in English and Arabic (issue #13).
    @ValueSource(strings = {"en", "ar", "ckb", "tr"})
    void theKeysMoveBanAndAskBeforeABulkDecisionInTheUiLanguage(String ui) {
        Texts says = TEXTS.get(ui);
        String moderator = "mod-" + ui;
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount(moderator, "Şirin Kaya", Set.of(Role.MODERATOR), true), PASSWORD));
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "بەفر لە هەولێر", "بەفر باری.", "هەولێر"));
        List<Comment> sent = new ArrayList<>();
        List<String> texts = List.of(
                "یەکەم: سوپاس بۆ هەواڵەکە",
                "دووەم: ڕێگاکان داخراون",
                "سێیەم: قوتابخانەکان پشوویان دا",
                "چوارەم: وێنەکان جوانن",
                "پێنجەم: کارەبا بڕا");
        for (int i = 0; i < texts.size(); i++) {
            sent.add(submit(story, texts.get(i), ui + "-key-" + i, ui + "-fp-" + i));
        }

        browser = new VaadinBrowser(port);
        browser.open("/login");
        browser.chooseUiLanguage(ui);
        browser.signIn(moderator, PASSWORD);
        browser.waitForText("queue-title", says.title());
        assertThat(browser.text("queue-title")).isEqualTo(says.title());
        assertThat(browser.script("return document.documentElement.dir")).isEqualTo(says.dir());
        assertThat(browser.script("return getComputedStyle(document.getElementById('queue-main')).direction"))
                .isEqualTo(says.dir());

        // Every stylesheet and script the page loaded answered 200, and moderation.css applies:
        // only it gives the comment panel a solid border and grid cells plaintext bidi.
        assertThat(failedResources()).as("resources that did not answer 200").isEmpty();
        assertThat(browser.script("return getComputedStyle(document.getElementById('comment-panel')).borderTopStyle"))
                .isEqualTo("solid");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.queue-cell')).unicodeBidi"))
                .isEqualTo("plaintext");
        // A Sorani comment's cell runs right to left in every UI and is cut at its own end.
        @SuppressWarnings("unchecked")
        Map<String, String> cell = (Map<String, String>) browser.script("""
                const c = [...document.querySelectorAll('.queue-cell')].find(e => e.textContent.startsWith('یەکەم'));
                const s = getComputedStyle(c);
                return {dir: s.direction, overflow: s.textOverflow, lang: c.closest('[lang]').lang};
                """);
        assertThat(cell)
                .containsEntry("dir", "rtl")
                .containsEntry("overflow", "ellipsis")
                .containsEntry("lang", "ckb");

        // axe-core (its WebJar) on the queue: no serious or critical violation.
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.script(axeSource());
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) browser.driver.executeAsyncScript(AXE_RUN);
        assertThat(violations.stream().filter(v -> !knownVaadinInternal(v)))
                .as("serious or critical axe violations on the queue in " + ui)
                .isEmpty();

        // J and K move the chosen comment, with the focus in the comment panel.
        assertThat(shownText()).isEqualTo(texts.get(0));
        browser.click("comment-text");
        browser.press("j");
        browser.wait.until(d -> texts.get(1).equals(shownText()));
        browser.press("j");
        browser.wait.until(d -> texts.get(2).equals(shownText()));
        browser.press("k");
        browser.wait.until(d -> texts.get(1).equals(shownText()));
        browser.screenshot("queue-keys-" + ui);

        // ? lists the keys, in the UI language; Escape closes the list.
        browser.press("?");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("keys-list")));
        assertThat(browser.script("return [...document.querySelectorAll('#keys-list dt')].map(e => e.textContent);"))
                .isEqualTo(List.of("J", "K", "A", "R", "1–8", "B", "U", "?"));
        assertThat(browser.script("return getComputedStyle(document.getElementById('keys-list')).direction;"))
                .isEqualTo(says.dir());
        assertThat(browser.script(ONE_BEFORE_EIGHT, "#keys-list"))
                .as("the reason keys read 1–8, not 8–1, in the %s UI", ui)
                .isEqualTo(true);
        assertThat(browser.script(ONE_BEFORE_EIGHT, "#reason > label"))
                .as("the reason field's label reads 1–8 in the %s UI", ui)
                .isEqualTo(true);
        browser.screenshot("queue-keys-list-" + ui);
        browser.press(Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("keys-list")));
        browser.click("comment-text");

        // B opens the ban dialog; digits and Enter typed into the reason are text, not shortcuts.
        String reasonBefore = checkedReason();
        browser.press("b");
        WebElement reason =
                browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#ban-reason textarea")));
        assertThat(browser.script("return document.activeElement === arguments[0]", reason))
                .as("the reason has the focus")
                .isEqualTo(true);
        assertThat(browser.script(
                        "return document.querySelector('#ban-dialog') && [...document.querySelectorAll('h2, [slot=title]')]"
                                + ".map(e => e.textContent.trim()).includes($0)"
                                        .replace("$0", "'" + says.banTitle() + "'")))
                .as("the dialog's title in the UI language")
                .isEqualTo(true);
        browser.press("3 پەیام لە 2 ڕۆژدا", Keys.ENTER, "ڕیکلامی 1 کۆمپانیا");
        assertThat(reason.getAttribute("value")).isEqualTo("3 پەیام لە 2 ڕۆژدا\nڕیکلامی 1 کۆمپانیا");
        assertThat(checkedReason()).as("the digits did not pick a reason").isEqualTo(reasonBefore);
        assertThat(browser.driver.findElements(By.cssSelector("#ban-dialog")))
                .as("Enter did not ban")
                .isNotEmpty();
        browser.screenshot("queue-ban-dialog-" + ui);
        reason.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        String banned = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("select reason from comment_ban where comment_id = ?")
                                .param(sent.get(1).id().value())
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        r -> r != null);
        assertThat(banned).isEqualTo("3 پەیام لە 2 ڕۆژدا\nڕیکلامی 1 کۆمپانیا");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#ban-reason textarea")));

        // Four ticked (the chosen comment is ticked already), then A: asked first, in the UI
        // language (Sorani counts in Arabic-Indic digits); cancelling decides nothing.
        List<WebElement> boxes = rowCheckboxes();
        for (int i = 0; i < 4; i++) {
            if (!"true".equals(boxes.get(i).getDomProperty("checked"))) {
                boxes.get(i).click();
                browser.waitForVaadin();
            }
        }
        assertThat(rowCheckboxes().stream().filter(b -> "true".equals(b.getDomProperty("checked"))))
                .hasSize(4);
        browser.click("comment-text");
        browser.press("a");
        assertThat(confirmHeader()).isEqualTo(says.bulkApprove());
        browser.screenshot("queue-bulk-approve-" + ui);
        cancelConfirm(says.cancel());
        // Outside a text field a digit picks the reason: 8, spam; then R.
        browser.press("8");
        assertThat(checkedReason()).startsWith("8 ");
        browser.press("r");
        assertThat(confirmHeader()).isEqualTo(says.bulkReject());
        assertThat(
                        browser.script(
                                "return getComputedStyle(document.querySelector('#bulk-confirm')"
                                        + " ? document.querySelector('vaadin-confirm-dialog-overlay, #bulk-confirm') : document.body).direction"))
                .isEqualTo(says.dir());
        cancelConfirm(says.cancel());
        assertThat(sent).allSatisfy(c -> assertThat(pending(c)).isTrue());

        // Confirmed, the four are decided (after the undo window) and the fifth stays.
        browser.press("a");
        confirmHeader();
        browser.driver
                .findElement(By.cssSelector("#bulk-confirm [slot=confirm-button], vaadin-button[slot=confirm-button]"))
                .click();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> sent.subList(0, 4).stream().noneMatch(c -> pending(c)));
        assertThat(pending(sent.get(4))).isTrue();
    }

    private static boolean knownVaadinInternal(String violation) {
        String rule = violation.substring(0, violation.indexOf(' '));
        return VAADIN_INTERNAL.getOrDefault(rule, List.of()).stream().anyMatch(violation::contains);
    }

    private static String axeSource() {
        try (java.io.InputStream in = java.util.Objects.requireNonNull(
                QueueKeyboardBrowserIT.class.getResourceAsStream(AXE), "axe-core WebJar on the test class path")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // Read as the database has it (the service is for moderators; Awaitility polls on its own thread).
    private boolean pending(Comment c) {
        return "PENDING"
                .equals(jdbc.sql("select state from comment where id = ?")
                        .param(c.id().value())
                        .query(String.class)
                        .single());
    }

    private List<String> failedResources() {
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) browser.script("return performance.getEntriesByType('resource')"
                + ".filter(r => ['link', 'script', 'css'].includes(r.initiatorType) || /\\.(css|js)(\\?|$)/.test(r.name))"
                + ".filter(r => r.responseStatus !== 200).map(r => r.name + ' ' + r.responseStatus)");
        return failed;
    }

    private String shownText() {
        return (String)
                browser.script("const t = document.getElementById('comment-text'); return t ? t.textContent : null;");
    }

    private String checkedReason() {
        return (String) browser.script("const checked = document.querySelector('#reason vaadin-radio-button[checked]');"
                + " return checked ? checked.textContent.trim() : null;");
    }

    private List<WebElement> rowCheckboxes() {
        return browser.wait.until(d -> {
            List<WebElement> boxes = d.findElements(By.cssSelector("#queue-grid vaadin-checkbox"));
            List<WebElement> rows = boxes.stream()
                    .filter(b -> !"true".equals(b.getDomAttribute("hidden")) && b.isDisplayed())
                    .filter(b -> b.getDomAttribute("aria-label") == null
                            || !b.getDomAttribute("aria-label").toLowerCase().contains("all"))
                    .toList();
            return rows.size() >= 5 ? rows : null;
        });
    }

    private String confirmHeader() {
        return browser.wait.until(d -> {
            Object header = browser.script(
                    "const d = document.getElementById('bulk-confirm');" + " return d && d.opened ? d.header : null;");
            return header instanceof String s && !s.isEmpty() ? s : null;
        });
    }

    private void cancelConfirm(String cancel) {
        WebElement button = browser.driver.findElement(By.cssSelector("vaadin-button[slot=cancel-button]"));
        assertThat(button.getText()).isEqualTo(cancel);
        button.click();
        browser.wait.until(d -> Boolean.FALSE.equals(
                browser.script("const d = document.getElementById('bulk-confirm'); return !!(d && d.opened);")));
        browser.click("comment-text");
    }

    private Comment submit(Article story, String text, String key, String fingerprint) {
        NewComment comment = new NewComment(
                story.id(),
                LanguageTag.SORANI,
                new DisplayName("خوێنەر"),
                null,
                new CommentText(text),
                new ClientFingerprint(fingerprint),
                new IdempotencyKey(key));
        return comments.submit(
                        comment, screener.screen(text, comment.language()).toJson())
                .comment();
    }
}
