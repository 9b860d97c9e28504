package news.cms.editor.browser;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The editor app's half of the role × action matrix: every Vaadin route (found by scanning, so a new
 * route without a row fails) against anonymous, reporter, editor, moderator and admin; every route
 * behind sign-in over HTTP; and CSRF on the endpoints outside Vaadin's own protocol (sign-in,
 * sign-out). The services behind the views are covered by cms-core's ServiceRoleMatrixIT.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebRoleMatrixIT {

    enum Caller {
        ANONYMOUS,
        REPORTER,
        EDITOR,
        MODERATOR,
        ADMIN
    }

    static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    static final Set<Caller> STAFF = EnumSet.of(Caller.REPORTER, Caller.EDITOR, Caller.ADMIN);
    static final Set<Caller> ADMINS = EnumSet.of(Caller.ADMIN);

    static final Set<Caller> EDITORS = EnumSet.of(Caller.EDITOR);
    static final Set<Caller> DESK = EnumSet.of(Caller.REPORTER, Caller.EDITOR);

    /** Route template → who may open it. */
    static final Map<String, Set<Caller>> ROUTES = Map.ofEntries(
            Map.entry("login", EVERYONE),
            Map.entry("", STAFF),
            Map.entry("story/:id?", STAFF),
            Map.entry("translation/:id", STAFF),
            Map.entry("search", STAFF),
            Map.entry("calendar", STAFF),
            Map.entry("notes", STAFF), // the desk's open notes
            Map.entry("budget", EDITORS), // the story budget: editors plan, the desk starts
            Map.entry("assignments", DESK),
            Map.entry("admin/users", ADMINS),
            Map.entry("admin/partner-keys", ADMINS),
            Map.entry("admin/audit", ADMINS),
            Map.entry("admin/push", ADMINS),
            Map.entry("admin/push-log/:id", ADMINS));

    static final String PASSWORD = "Amed-2026-baran";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void everyRouteLetsInExactlyTheRolesOfTheMatrix() {
        Map<String, Class<?>> routes = routes();
        assertThat(routes.keySet())
                .as("routes with a row in the matrix")
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());

        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();
        routes.forEach((path, view) -> {
            Set<Caller> allowed = EnumSet.noneOf(Caller.class);
            for (Caller caller : Caller.values()) {
                Principal principal =
                        caller == Caller.ANONYMOUS ? null : () -> caller.name().toLowerCase();
                if (checker.hasAccess(view, principal, role -> caller.name().equals(role))) {
                    allowed.add(caller);
                }
            }
            if (!allowed.equals(ROUTES.get(path))) {
                wrong.add("/" + path + " (" + view.getSimpleName() + "): matrix " + ROUTES.get(path) + ", view "
                        + allowed);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRouteBehindSignInSendsAnonymousVisitorsToTheLoginPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (var route : ROUTES.entrySet()) {
            String path = "/" + route.getKey().replaceAll("/:id\\??$", "/0b5f2a8e-3c1d-4f6a-9e2b-7d8c1a0f4e3b");
            HttpResponse<String> answer = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
            if (route.getValue().contains(Caller.ANONYMOUS)) {
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
            } else {
                assertThat(answer.statusCode()).as(path).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location"))
                        .as(path)
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            }
        }
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndAPost() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("mehmet", "Mehmet Kaya", Set.of(Role.EDITOR), true), PASSWORD));
        Session session = new Session();
        session.post("/login", Map.of("username", "mehmet", "password", PASSWORD), session.csrfToken());
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        // Another site's form (no token) and a plain link (GET) leave the editor signed in.
        assertThat(session.post("/logout", Map.of(), null).statusCode()).isEqualTo(403);
        session.get("/logout");
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> out = session.post("/logout", Map.of(), session.csrfToken());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(session.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInWithoutTheTokenOfThePageIsRefusedAndSignsNobodyIn() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("aylin", "Aylin Demir", Set.of(Role.REPORTER), true), PASSWORD));
        Map<String, String> credentials = Map.of("username", "aylin", "password", PASSWORD);

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

    /** Every @Route view of the app, by its route template. */
    private static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("news.cms.editor")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                routes.put(view.getAnnotation(Route.class).value(), view);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    /** One browser's cookies, without redirects followed. */
    private final class Session {

        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The token Vaadin puts in the page for forms outside its own protocol. */
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
                    request(path)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
