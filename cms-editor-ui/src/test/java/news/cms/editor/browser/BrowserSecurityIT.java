package news.cms.editor.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's pages in Chromium under their Content-Security-Policy (no violation on any main
 * page), the app's stylesheet served and applied, a deep link surviving the sign-in, the browser
 * policies on every HTML answer, and the sign-in throttle said on the login page (ADR 0010).
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserSecurityIT {

    /** Collects every CSP violation a page reports, from before its first script runs. */
    static final String RECORD_VIOLATIONS = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("browser-security-last-seen");
            browser.close();
        }
    }

    @Test
    void everyHtmlAnswerCarriesTheBrowserPolicies() throws Exception {
        for (String path : List.of("/login", "/", "/story", "/admin/users", "/no-such-page", "/login?error")) {
            HttpResponse<String> answer = get(path);
            Map<String, List<String>> headers = answer.headers().map();
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path + " " + headers)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'self'")
                            .contains("object-src 'none'")
                            .contains("base-uri 'self'")
                            .contains("form-action 'self'"));
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path + " " + headers)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy"))
                    .as(path + " " + headers)
                    .hasValue("same-origin");
            assertThat(answer.headers().firstValue("X-Frame-Options"))
                    .as(path + " " + headers)
                    .hasValue("SAMEORIGIN");
            assertThat(answer.headers().firstValue("Permissions-Policy"))
                    .as(path + " " + headers)
                    .hasValueSatisfying(p -> assertThat(p).contains("camera=()").contains("geolocation=()"));
        }
        // The session cookie never rides on cross-site subrequests.
        assertThat(get("/login").headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("SameSite=Lax")
                        .contains("HttpOnly"));
    }

    @Test
    void everyStylesheetAndScriptTheLoginPageLinksIsServedToAnyone() throws Exception {
        String page = get("/login").body();
        Matcher links =
                Pattern.compile("(?:href|src)=\"([^\"]+\\.(?:css|js))\"").matcher(page);
        int checked = 0;
        while (links.find()) {
            String url =
                    URI.create("http://127.0.0.1/login").resolve(links.group(1)).getRawPath();
            assertThat(get(url).statusCode()).as(url).isEqualTo(200);
            checked++;
        }
        assertThat(checked).as("links on the login page").isPositive();

        HttpResponse<String> stylesheet = get("/styles/editor.css");
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(stylesheet.body()).contains("unicode-bidi: plaintext");
    }

    @Test
    void aDeepLinkSurvivesTheSignInAndTheAppsStylesheetApplies() {
        news.cms.testsupport.Newsroom.asAdmin(() -> accounts.save(
                new UserAccount("berfin", "Berfin Yıldız", Set.of(Role.REPORTER), true), Browser.PASSWORD));
        browser = new Browser(port);
        recordViolations();

        browser.open("/story");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
        typeCredentials("berfin", Browser.PASSWORD);
        browser.wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "berfin"));
        browser.waitForVaadin();

        assertThat(path()).isEqualTo("/story");
        // From styles/editor.css: each line of the body finds its own direction.
        String bidi = (String) browser.script(
                "return getComputedStyle(document.querySelector('vaadin-text-area#body textarea')).unicodeBidi;");
        assertThat(bidi).isEqualTo("plaintext");
        assertThat(violations()).isEmpty();
    }

    @Test
    void signingInFromTheLoginPageLandsOnTheDeskNeverOnAResource() {
        news.cms.testsupport.Newsroom.asAdmin(() ->
                accounts.save(new UserAccount("derya", "Derya Aksoy", Set.of(Role.EDITOR), true), Browser.PASSWORD));
        browser = new Browser(port);
        browser.open("/login");
        typeCredentials("derya", Browser.PASSWORD);
        browser.wait.until(ExpectedConditions.textToBe(By.id("signed-in-user"), "derya"));

        assertThat(path()).isEqualTo("/");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("continue").doesNotContain(".css");
    }

    @Test
    void theMainPagesRunUnderTheContentSecurityPolicyWithoutAViolation() {
        news.cms.testsupport.Newsroom.asAdmin(() -> accounts.save(
                new UserAccount("sirwan", "سیروان عەلی", Set.of(Role.EDITOR, Role.ADMIN), true), Browser.PASSWORD));
        browser = new Browser(port);
        recordViolations();
        browser.signIn("sirwan", Browser.PASSWORD);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/", "new-story");
        pages.put("/story", "save");
        pages.put("/search", null);
        pages.put("/calendar", null);
        pages.put("/admin/users", null);
        pages.put("/admin/partner-keys", null);
        pages.put("/admin/audit", null);
        for (var page : pages.entrySet()) {
            browser.open(page.getKey());
            if (page.getValue() != null) {
                browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(page.getValue())));
            }
            assertThat(path()).isEqualTo(page.getKey());
            assertThat(violations()).as(page.getKey()).isEmpty();
        }
        // The Arabic UI (direction switch, another Lumo stylesheet path) too.
        browser.open("/");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ui-language-ar")));
        browser.script("document.getElementById('ui-language-ar').click();");
        browser.wait.until(d -> "rtl".equals(browser.script("return document.documentElement.dir;")));
        browser.screenshot("csp-desk-arabic");
        assertThat(violations()).isEmpty();

        // The recorder hears violations: an image from another origin is one under this policy.
        browser.script("new Image().src = 'https://example.invalid/pixel.png';");
        browser.wait.until(d -> !violations().isEmpty());
        assertThat(violations()).singleElement().asString().startsWith("img-src https://example.invalid/pixel.png");
    }

    @Test
    void repeatedWrongPasswordsAreToldToWaitOnTheLoginPage() {
        news.cms.testsupport.Newsroom.asAdmin(() ->
                accounts.save(new UserAccount("kawa", "Kawa Rashid", Set.of(Role.REPORTER), true), Browser.PASSWORD));
        browser = new Browser(port);
        for (int i = 0; i < 6; i++) {
            browser.open("/login");
            typeCredentials("kawa", "wrong-password-" + i);
            browser.wait.until(ExpectedConditions.urlContains("error"));
            browser.waitForVaadin();
        }

        String shown = (String)
                browser.script("return JSON.stringify(document.querySelector('vaadin-login-form').i18n.errorMessage);");
        browser.screenshot("login-throttled");
        assertThat(shown).contains("Too many failed sign-ins").containsPattern("Wait [1-5] seconds");
        assertThat(browser.driver.findElement(By.tagName("vaadin-login-form")).getDomAttribute("error"))
                .isNotNull();
    }

    private void typeCredentials(String username, String password) {
        browser.wait
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                .sendKeys(username);
        browser.driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }

    private void recordViolations() {
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) browser.script("return window.__csp || ['no recorder on this page'];");
    }

    private String path() {
        return URI.create(browser.driver.getCurrentUrl()).getPath();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
