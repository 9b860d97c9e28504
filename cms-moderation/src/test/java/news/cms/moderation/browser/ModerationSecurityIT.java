package news.cms.moderation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.VaadinBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The moderation UI's browser policies and its half of the role × action matrix (ADR 0010): the
 * queue under its Content-Security-Policy without a violation, every resource the login page links
 * served to anyone, each route against each role, CSRF on sign-in and sign-out, and the sign-in
 * throttle said on the login page. The readers' /v1 API has its own chain and tests.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class ModerationSecurityIT {

    static final String PASSWORD = "Silemani-2026-baran";

    static final String RECORD_VIOLATIONS = "window.__csp = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
            + "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    enum Caller {
        ANONYMOUS,
        REPORTER,
        EDITOR,
        MODERATOR,
        ADMIN
    }

    /** Route template → who may open it. */
    static final Map<String, Set<Caller>> ROUTES = Map.of(
            "login", EnumSet.allOf(Caller.class),
            "", EnumSet.of(Caller.MODERATOR),
            "comment/:id", EnumSet.of(Caller.MODERATOR));

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private VaadinBrowser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.screenshot("moderation-security-last-seen");
            browser.close();
        }
    }

    @Test
    void everyHtmlAnswerCarriesTheBrowserPolicies() throws Exception {
        Session anonymous = new Session();
        for (String path : List.of("/login", "/", "/no-such-page", "/login?error")) {
            HttpResponse<String> answer = anonymous.get(path);
            Map<String, List<String>> headers = answer.headers().map();
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path + " " + headers)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'self'")
                            .contains("object-src 'none'"));
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
                    .hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
        }
        assertThat(new Session().get("/login").headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith("JSESSIONID=")
                        .contains("SameSite=Lax")
                        .contains("HttpOnly"));
    }

    @Test
    void everyStylesheetAndScriptTheLoginPageLinksIsServedToAnyone() throws Exception {
        Session anonymous = new Session();
        Matcher links = Pattern.compile("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")
                .matcher(anonymous.get("/login").body());
        int checked = 0;
        while (links.find()) {
            String path =
                    URI.create("http://127.0.0.1/login").resolve(links.group(1)).getRawPath();
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(200);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    @Test
    void theQueueRunsUnderTheContentSecurityPolicyAndSigningInLandsOnIt() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("shirin", "Shirin Aziz", Set.of(Role.MODERATOR), true), PASSWORD));
        browser = new VaadinBrowser(port);
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));

        browser.open("/login");
        assertThat(violations()).as("login page").isEmpty();
        typeCredentials("shirin", PASSWORD);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-in-user")));
        browser.waitForVaadin();

        assertThat(URI.create(browser.driver.getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(violations()).as("queue").isEmpty();
        browser.script("new Image().src = 'https://example.invalid/pixel.png';");
        browser.wait.until(d -> !violations().isEmpty());
        assertThat(violations()).singleElement().asString().startsWith("img-src https://example.invalid/pixel.png");
    }

    @Test
    void repeatedWrongPasswordsAreToldToWaitOnTheLoginPage() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("baran", "Baran Demir", Set.of(Role.MODERATOR), true), PASSWORD));
        browser = new VaadinBrowser(port);
        for (int i = 0; i < 6; i++) {
            browser.open("/login");
            typeCredentials("baran", "not-it-" + i);
            browser.wait.until(ExpectedConditions.urlContains("error"));
            browser.waitForVaadin();
        }
        String shown = (String)
                browser.script("return JSON.stringify(document.querySelector('vaadin-login-form').i18n.errorMessage);");
        browser.screenshot("moderation-login-throttled");
        assertThat(shown).contains("Too many failed sign-ins").containsPattern("Wait [1-5] seconds");
        assertThat(browser.driver.findElement(By.tagName("vaadin-login-form")).getDomAttribute("error"))
                .isNotNull();
    }

    @Test
    void everyRouteLetsInExactlyTheRolesOfTheMatrix() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("news.cms.moderation")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            routes.put(view.getAnnotation(Route.class).value(), view);
        }
        assertThat(routes.keySet()).containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        routes.forEach((path, view) -> {
            Set<Caller> allowed = EnumSet.noneOf(Caller.class);
            for (Caller caller : Caller.values()) {
                Principal principal =
                        caller == Caller.ANONYMOUS ? null : () -> caller.name().toLowerCase();
                if (checker.hasAccess(view, principal, role -> caller.name().equals(role))) {
                    allowed.add(caller);
                }
            }
            assertThat(allowed).as("/" + path).isEqualTo(ROUTES.get(path));
        });
        for (String path : List.of("/", "/comment/" + UUID.randomUUID())) {
            HttpResponse<String> anonymous = new Session().get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void signingOutNeedsTheCsrfTokenOfThePageAndAPost() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("dilan", "Dilan Yusuf", Set.of(Role.MODERATOR), true), PASSWORD));
        Session session = new Session();
        HttpResponse<String> in =
                session.post("/login", Map.of("username", "dilan", "password", PASSWORD), session.csrfToken());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        assertThat(session.post("/logout", Map.of(), null).statusCode()).isEqualTo(403);
        session.get("/logout");
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(session.post("/logout", Map.of(), session.csrfToken()).statusCode())
                .isEqualTo(302);
        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInWithoutTheTokenOfThePageIsRefusedAndSignsNobodyIn() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("rezan", "Rêzan Kerîm", Set.of(Role.MODERATOR), true), PASSWORD));
        Map<String, String> credentials = Map.of("username", "rezan", "password", PASSWORD);

        // Login CSRF (ADR 0010): another site's hidden form posts the attacker's credentials, without
        // the token, from a browser that has never been here and from one that has the login page open.
        Session stranger = new Session();
        assertRefused(stranger.post("/login", credentials, null));
        assertThat(stranger.get("/").statusCode()).isEqualTo(302);

        Session visitor = new Session();
        String token = visitor.csrfToken();
        HttpResponse<String> forged = visitor.post("/login", credentials, null);
        assertRefused(forged);
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(visitor.get("/").statusCode()).isEqualTo(302);
        assertRefused(visitor.post("/login", credentials, "forged-" + token));
        assertThat(visitor.get("/").statusCode()).isEqualTo(302);

        // The login page's own form, with its token, still signs in.
        HttpResponse<String> in = visitor.post("/login", credentials, token);
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(visitor.get("/").statusCode()).isEqualTo(200);
    }

    /**
     * Refused before authentication: Vaadin's CSRF handler sends the browser back to the login page
     * (a 403 would do as well), never on to the desk; the session id stays out of the URL. A visitor
     * who already had a session keeps it unrenewed (a sign-in would renew it); a stranger may get an
     * anonymous one for the CSRF token, which signs nobody in (the next GET / is checked).
     */
    private static void assertRefused(HttpResponse<String> answer) {
        String where = answer.headers().firstValue("Location").orElse("");
        assertThat(answer.statusCode()).as(answer.statusCode() + " " + where).isIn(302, 403);
        if (answer.statusCode() == 302) {
            assertThat(where).as("sent back to the login page").matches("http://[^/;]+/login(\\?.*)?");
        }
    }

    private void typeCredentials(String username, String password) {
        browser.wait
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                .sendKeys(username);
        browser.driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) browser.script("return window.__csp || ['no recorder on this page'];");
    }

    /** One browser's cookies, without redirects followed. */
    private final class Session {

        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrfToken() throws Exception {
            Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                    .matcher(get("/login").body());
            assertThat(token.find()).as("a CSRF token in the login page").isTrue();
            return token.group(1);
        }

        HttpResponse<String> post(String path, Map<String, String> form, String csrfToken) throws Exception {
            Map<String, String> fields = new TreeMap<>(form);
            if (csrfToken != null) {
                fields.put("_csrf", csrfToken);
            }
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
