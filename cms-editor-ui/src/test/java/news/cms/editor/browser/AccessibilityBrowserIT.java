package news.cms.editor.browser;

import static news.cms.testsupport.Newsroom.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.cms.core.account.AccountService;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (the npm package, from its WebJar) injected into each main editor page, in English and in
 * Arabic: no serious or critical violation apart from the Vaadin-internal ones listed below by rule
 * and element. Also the keyboard landmarks: the skip link comes first and focuses the main region.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserIT {

    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /**
     * Violations inside Vaadin's own components that our code cannot reach, by rule and the CSS
     * target axe reports (a substring of it).
     */
    private static final Map<String, List<String>> VAADIN_INTERNAL = Map.of(
            // vaadin-tabs (role tablist) keeps its vaadin-tab children behind a slot and a scroller
            // part, and vaadin-grid's table (role treegrid) its rows behind slots; axe 4.6 does not
            // follow them. The tabs and rows themselves are announced correctly.
            "aria-required-children", List.of("| vaadin-tabs |", "| #desk-queues |", ",#table |"));

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.id + ' | ' + v.impact + ' | ' + n.target.join(' > ')
                  + ' | ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theMainPagesHaveNoSeriousViolationsInEnglishAndArabic() {
        Browser.createPeople(accounts);
        Article story = Newsroom.asEditor(() ->
                articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "افتتاح الجسر في الموصل", "النص.", "الموصل")));
        browser = new Browser(port);
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.signIn(EDITOR, Browser.PASSWORD);
        String axe = axeSource();

        List<String> found = new ArrayList<>();
        for (String ui : List.of("en", "ar")) {
            browser.open("/");
            browser.chooseUiLanguage(ui);
            for (String page : List.of("/", "/story/" + story.id(), "/search", "/calendar")) {
                browser.open(page);
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("main-content")));
                browser.script(axe);
                @SuppressWarnings("unchecked")
                List<String> violations = (List<String>) browser.driver.executeAsyncScript(RUN);
                violations.stream()
                        .filter(v -> !known(v))
                        .map(v -> ui + " " + page + ": " + v)
                        .forEach(found::add);
            }
        }
        assertThat(found).as("serious or critical axe violations").isEmpty();
    }

    @Test
    void theSkipLinkIsTheFirstStopAndFocusesTheMainRegion() {
        Browser.createPeople(accounts);
        browser = new Browser(port);
        browser.signIn(EDITOR, Browser.PASSWORD);
        browser.open("/search");
        browser.script("document.activeElement && document.activeElement.blur(); document.body.focus();");
        browser.press(Keys.TAB);
        WebElement first = browser.driver.switchTo().activeElement();
        assertThat(first.getAttribute("id")).isEqualTo("skip-link");
        assertThat(first.getText()).isEqualTo("Skip to content");
        browser.screenshot("skip-link-focused");
        browser.press(Keys.ENTER);
        assertThat(browser.script("return document.activeElement.id;")).isEqualTo("main-content");
        assertThat(browser.script("return document.activeElement.getAttribute('role');"))
                .isEqualTo("main");
        assertThat(browser.driver.findElement(By.id("search-status")).getAttribute("role"))
                .isEqualTo("status");
        assertThat(browser.driver.findElement(By.id("menu-toggle")).getAttribute("aria-label"))
                .isEqualTo("Menu");
    }

    private static boolean known(String violation) {
        String rule = violation.substring(0, violation.indexOf(' '));
        return VAADIN_INTERNAL.getOrDefault(rule, List.of()).stream().anyMatch(violation::contains);
    }

    private static String axeSource() {
        try (InputStream in = Objects.requireNonNull(
                AccessibilityBrowserIT.class.getResourceAsStream(AXE), "axe-core WebJar on the test class path")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
