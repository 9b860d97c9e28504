package news.cms.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.cms.core.CmsCoreConfiguration;
import news.cms.core.account.AccountService;
import news.cms.core.account.NewAccount;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.infra.postgres.DatabaseRoles;
import news.cms.infra.postgres.PostgresServer;
import news.cms.infra.search.SearchNode;
import news.cms.infra.search.SearchNodeOptions;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.VaadinBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production settings run here (issue 14, ADR 0018): the three app jars start as their Docker
 * images start them — the image's ENTRYPOINT (JVM defaults, not the dev stack's C1 and Serial GC), no
 * demo jar, the environment docker/compose.yaml gives each app with every {@code ${VARIABLE:?}}
 * filled by a fresh secret, the first admin from the bootstrap variables and a password file, Flyway
 * as the owner role and the apps on the least-privilege role — against the embedded PostgreSQL and
 * Elasticsearch. Only the addresses differ from compose (ports, the database URL, the password
 * file's path), and the search engine's security: the embedded node has no x-pack, so the apps talk
 * to it without the credentials and CA compose gives them (SearchClientConfigurationTest covers those).
 *
 * <p>Then: the bootstrap admin signs in to the editor in a browser; the admin makes a reporter and an
 * editor who file, approve and publish a story through the newsroom's services (there is no HTTP
 * publish API, and driving the story editor would test the editor UI, which its own tests do); the
 * story reaches the partner feed with a key and the public article and search; a reader's comment
 * goes through the moderation app's intake. And an app without one of its secrets refuses to start.
 */
class ProductionSettingsIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final String ADMIN = "hana.admin";
    // Our own password of the rule's kinds (letters and digits), in Sorani and Turkish letters.
    private static final String ADMIN_PASSWORD = "Hêz-Şifre-2026-ئاسایش";
    private static final String STAFF_PASSWORD = "Rojname-Gazete-7-بەڵگە";

    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static PostgresServer postgres;
    private static SearchNode search;
    private static DatabaseRoles roles;
    private static Path work;
    private static final Map<String, JarApp> apps = new LinkedHashMap<>();
    private static final Map<String, Integer> ports = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private static ConfigurableApplicationContext newsroom;

    @BeforeAll
    static void startAsTheImagesWould() throws Exception {
        work = ComposeFile.ROOT.resolve("cms-devstack/target/prod-check");
        Files.createDirectories(work);
        roles = DatabaseRoles.withRandomPasswords();
        postgres = PostgresServer.start(0, null, Duration.ofSeconds(90));
        postgres.prepareDatabase("cms", roles);
        search = SearchNode.start(SearchNodeOptions.ephemeral());

        Path adminPassword = work.resolve("admin-password");
        Files.deleteIfExists(adminPassword);
        Files.createFile(
                adminPassword, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(adminPassword, ADMIN_PASSWORD + "\n", StandardCharsets.UTF_8);

        ComposeFile compose = ComposeFile.read();
        // The operator's .env: the database roles' passwords, the first admin, a fresh secret for every other variable.
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : compose.variables()) {
            variables.put(name, DatabaseRoles.randomSecret());
        }
        variables.put("CMS_DB_OWNER_PASSWORD", roles.owner().password());
        variables.put("CMS_DB_APP_PASSWORD", roles.app().password());
        variables.put("CMS_BOOTSTRAP_ADMIN_USERNAME", ADMIN);

        compose.apps().forEach((service, module) -> {
            Map<String, String> env = new LinkedHashMap<>();
            compose.environment(service).forEach((k, v) -> env.put(k, ComposeFile.substitute(v, variables)));
            // The addresses of this machine instead of the compose network's; each replaced entry must exist there.
            replace(env, "SPRING_DATASOURCE_URL", postgres.jdbcUrl("cms"));
            replace(env, "CMS_SEARCH_URI", search.uri().toString());
            // The embedded node runs without security: no credentials, no CA (see the class comment).
            for (String key : List.of("CMS_SEARCH_USERNAME", "CMS_SEARCH_PASSWORD", "CMS_SEARCH_SSLBUNDLE")) {
                assertThat(env.remove(key)).as(service + " " + key).isNotNull();
            }
            assertThat(env.keySet().removeIf(k -> k.startsWith("SPRING_SSL_BUNDLE_")))
                    .as(service)
                    .isTrue();
            if (env.containsKey("CMS_BOOTSTRAP_ADMIN_PASSWORDFILE")) {
                replace(env, "CMS_BOOTSTRAP_ADMIN_PASSWORDFILE", adminPassword.toString());
            }
            int port = freePort();
            env.put("SERVER_PORT", Integer.toString(port));
            int health = port;
            if (ComposeFile.appConfiguration(module).getProperty("management.server.port") != null) {
                health = freePort();
                env.put("MANAGEMENT_SERVER_PORT", Integer.toString(health));
            }
            ports.put(module, port);
            ports.put(module + ":health", health);
            environments.put(module, env);
        });
        assertThat(environments.get("cms-editor-ui")).containsEntry("CMS_BOOTSTRAP_ADMIN_USERNAME", ADMIN);

        // All three at once, as compose starts them: the first Flyway takes the lock, the others wait.
        environments.forEach((module, env) -> apps.put(module, JarApp.start(module, env, work.resolve("logs"))));
        for (JarApp app : apps.values()) {
            try {
                app.awaitHealthy(ports.get(app.module() + ":health"), START);
            } catch (Throwable e) {
                throw new AssertionError(app.module() + " did not start; its log ends:\n" + app.tail(40), e);
            }
        }

        // The newsroom's services in this JVM, on the app role like the apps (Flyway is theirs).
        newsroom = new SpringApplicationBuilder(Services.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + postgres.jdbcUrl("cms"),
                        "--spring.datasource.username=" + roles.app().username(),
                        "--spring.datasource.password=" + roles.app().password(),
                        "--spring.flyway.enabled=false",
                        "--cms.comments.email-pepper="
                                + environments.get("cms-moderation").get("CMS_COMMENTS_EMAILPEPPER"),
                        "--cms.push.secret-key="
                                + environments.get("cms-editor-ui").get("CMS_PUSH_SECRETKEY"),
                        "--cms.search.uri=" + search.uri());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = CmsCoreConfiguration.class)
    @Import(CmsCoreConfiguration.class)
    static class Services {}

    @AfterAll
    static void stopAll() {
        if (newsroom != null) {
            newsroom.close();
        }
        apps.values().forEach(JarApp::close);
        if (search != null) {
            search.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theAppsRunTheImagesJvmWithoutTheDemoAndOnTheAppRole() throws Exception {
        for (JarApp app : apps.values()) {
            List<String> command =
                    app.process().info().arguments().map(List::of).orElseThrow();
            assertThat(command)
                    .as(app.module())
                    .containsSubsequence("-XX:MaxRAMPercentage=75", "-jar")
                    .noneMatch(a -> a.contains("UseSerialGC") || a.contains("TieredStopAtLevel"))
                    .noneMatch(a -> a.contains("loader.path") || a.contains("cms-demo"));
            assertThat(app.log()).as(app.module()).doesNotContain("demo sign-in");
        }
        // Migrated by the owner, served by the app role: every table is the owner's, and the app role
        // can neither read the migrations' history nor change the schema.
        try (var owner = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl("cms"),
                        roles.owner().username(),
                        roles.owner().password());
                var statement = owner.createStatement()) {
            var owners = statement.executeQuery(
                    "select distinct tableowner from pg_tables where schemaname = 'public' order by 1");
            List<String> names = new ArrayList<>();
            while (owners.next()) {
                names.add(owners.getString(1));
            }
            assertThat(names).containsExactly(roles.owner().username());
            var history = statement.executeQuery(
                    "select count(*), bool_and(success) from flyway_schema_history where version is not null");
            history.next();
            assertThat(history.getInt(1)).isPositive();
            assertThat(history.getBoolean(2)).isTrue();
        }
        try (var app = java.sql.DriverManager.getConnection(
                        postgres.jdbcUrl("cms"),
                        roles.app().username(),
                        roles.app().password());
                var statement = app.createStatement()) {
            for (String sql :
                    List.of("select count(*) from flyway_schema_history", "create table prod_check (id int)")) {
                assertThatThrownBy(() -> statement.execute(sql))
                        .as(sql)
                        .isInstanceOf(java.sql.SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        // No demo accounts: only the bootstrap admin and the people this test makes.
        List<String> accounts =
                Newsroom.as(ADMIN, () -> newsroom.getBean(AccountService.class).list(), Role.ADMIN).stream()
                        .map(UserAccount::username)
                        .toList();
        assertThat(accounts).contains(ADMIN).doesNotContain("admin", "editor", "reporter", "moderator");
    }

    @Test
    void theBootstrapAdminSignsInToTheEditor() {
        try (VaadinBrowser browser = new VaadinBrowser(ports.get("cms-editor-ui"))) {
            browser.signIn(ADMIN, ADMIN_PASSWORD);
            browser.open("/admin/users");
            browser.wait.until(d -> d.getPageSource().contains(ADMIN));
            browser.screenshot("prod-check-admin-users");
            assertThat(browser.driver.findElement(By.id("signed-in-user")).getText())
                    .isEqualTo(ADMIN);
        }
    }

    @Test
    void aStoryPublishedByTheDeskReachesTheFeedAndSearchAndTakesAComment() throws Exception {
        AccountService accounts = newsroom.getBean(AccountService.class);
        ArticleService articles = newsroom.getBean(ArticleService.class);
        Newsroom.as(
                ADMIN,
                () -> {
                    accounts.create(
                            new NewAccount(Newsroom.REPORTER, "Rezan Ahmed", Set.of(Role.REPORTER), STAFF_PASSWORD));
                    return accounts.create(
                            new NewAccount(Newsroom.EDITOR, "Layla Aziz", Set.of(Role.EDITOR), STAFF_PASSWORD));
                },
                Role.ADMIN);
        ArticleContent sorani = new ArticleContent(
                LanguageTag.SORANI,
                "news",
                "کتێبخانەی گشتیی هەولێر دەرگاکانی بۆ خوێنەران کردەوە",
                "",
                "کتێبخانەکە دوای نۆژەنکردنەوە ئەمڕۆ بە هەزاران کتێبی نوێوە کرایەوە.",
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Erbil", null, null, LocalDate.of(2026, 12, 5)));
        Article story = Newsroom.publishedStory(articles, sorani);
        String id = story.id().toString();

        String key = Newsroom.as(
                        ADMIN,
                        () -> newsroom.getBean(PartnerKeyService.class)
                                .issue(new NewPartnerKey("Ajansa Nûçeyan", Set.of(PartnerScope.FEED), null, 600)),
                        Role.ADMIN)
                .secret();
        String api = "http://127.0.0.1:" + ports.get("cms-public-api");

        await("the publish in the partner feed").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> feed = get(api + "/v1/feed?limit=50", key);
            assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
            assertThat(json.readTree(feed.body())
                            .get("entries")
                            .valueStream()
                            .filter(e -> e.get("uri").asString().endsWith(id))
                            .map(e -> e.get("action").asString()))
                    .containsExactly("publish");
        });
        assertThat(get(api + "/v1/feed?limit=50", null).statusCode()).isEqualTo(401);
        HttpResponse<String> article = get(api + "/v1/articles/" + id, null);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body()).contains(sorani.headline());
        await("the story found by search").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> found =
                    get(api + "/v1/search?lang=ckb&q=" + URLEncoder.encode("کتێبخانەی", StandardCharsets.UTF_8), null);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            assertThat(found.body()).contains(id);
        });

        String moderation = "http://127.0.0.1:" + ports.get("cms-moderation");
        byte[] comment = json.writeValueAsBytes(Map.of(
                "displayName", "Dilan",
                "email", "dilan@example.org",
                "language", "ckb",
                "text", "زۆر باشە، کتێبخانەکە پێویستی شارەکە بوو."));
        HttpResponse<String> received = http.send(
                HttpRequest.newBuilder(URI.create(moderation + "/v1/articles/" + id + "/comments"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "prod-check-1")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(comment))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(201);
        String receipt = json.readTree(received.body()).get("receipt").asString();
        HttpResponse<String> status = get(moderation + "/v1/comments/" + receipt, null);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode state = json.readTree(status.body());
        assertThat(state.get("status").asString()).isEqualTo("pending");
        assertThat(state.get("language").asString()).isEqualTo("ckb");
    }

    @Test
    void anAppWithoutOneOfItsSecretsRefusesToStart() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(environments.get("cms-moderation"));
        assertThat(env.remove("CMS_COMMENTS_EMAILPEPPER")).isNotBlank();
        env.put("SERVER_PORT", Integer.toString(freePort()));
        try (JarApp refused = JarApp.start("cms-moderation", env, work.resolve("logs-refused"))) {
            assertThat(refused.awaitExit(Duration.ofMinutes(2))).isNotZero();
            assertThat(refused.log())
                    .contains("the secret cms.comments.email-pepper is not set")
                    .contains("CMS_COMMENTS_EMAILPEPPER")
                    .doesNotContain("Started ModerationApplication");
        }
    }

    private static HttpResponse<String> get(String url, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void replace(Map<String, String> env, String name, String value) {
        assertThat(env).as("compose sets " + name).containsKey(name);
        env.put(name, value);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
