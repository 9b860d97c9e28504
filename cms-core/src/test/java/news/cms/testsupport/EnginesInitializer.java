package news.cms.testsupport;

import java.util.HashMap;
import java.util.Map;
import news.cms.infra.engines.Engines;
import news.cms.infra.engines.TestEngines;
import news.cms.infra.postgres.DatabaseRoles;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the test JVM's engines, starting them on first use: the app role for the
 * data source, the owner for Flyway, and secrets of the JVM's own, so that no published default is
 * ever needed.
 */
public class EnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The apps' secrets for this test JVM: fresh, so that no test leans on a published value. */
    private static final Map<String, Object> SECRETS = Map.of(
            "cms.public-api.cursor-secret", DatabaseRoles.randomSecret(),
            "cms.moderation.intake.cursor-secret", DatabaseRoles.randomSecret(),
            "cms.comments.email-pepper", DatabaseRoles.randomSecret(),
            "cms.push.secret-key", DatabaseRoles.randomSecret());

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Engines engines = TestEngines.shared();
        // Stopped after Spring Boot has closed every context (a set: added once however many contexts).
        SpringApplication.getShutdownHandlers().add(TestEngines.handOverStop());
        var environment = context.getEnvironment();
        // The apps' least-privilege role for the app, the owner for Flyway, as in production (ADR 0009).
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", engines.jdbcUrl(),
                "spring.datasource.username", engines.roles().app().username(),
                "spring.datasource.password", engines.roles().app().password(),
                "spring.flyway.user", engines.roles().owner().username(),
                "spring.flyway.password", engines.roles().owner().password()));
        // A test may point at a search engine of its own (e.g. one it stops and starts).
        if (!environment.containsProperty("cms.search.uri")) {
            properties.put("cms.search.uri", engines.searchUri().toString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("cms-test-engines", properties));
        // Cached test contexts live on side by side on one database: background jobs of one would act
        // on the data of another. Tests that need them switch them on (or run them by hand).
        Map<String, Object> defaults = new HashMap<>(SECRETS);
        defaults.put("cms.articles.scheduler-enabled", "false");
        defaults.put("cms.outbox.retry-enabled", "false");
        defaults.put("cms.push.worker-enabled", "false");
        // Searches on a machine that runs several builds at once may take longer than production's
        // 800 ms; the fault tests set production's timeout themselves (ADR 0013).
        defaults.put("cms.search.query-timeout", "5s");
        environment.getPropertySources().addLast(new MapPropertySource("cms-test-defaults", defaults));
    }
}
