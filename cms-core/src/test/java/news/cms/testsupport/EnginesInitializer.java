package news.cms.testsupport;

import java.util.HashMap;
import java.util.Map;
import news.cms.infra.engines.Engines;
import news.cms.infra.engines.TestEngines;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the test JVM's engines, starting them on first use. */
public class EnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Engines engines = TestEngines.shared();
        // Stopped after Spring Boot has closed every context (a set: added once however many contexts).
        SpringApplication.getShutdownHandlers().add(TestEngines.handOverStop());
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", engines.jdbcUrl(),
                "spring.datasource.username", engines.username(),
                "spring.datasource.password", engines.password()));
        // A test may point at a search engine of its own (e.g. one it stops and starts).
        if (!environment.containsProperty("cms.search.uri")) {
            properties.put("cms.search.uri", engines.searchUri().toString());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("cms-test-engines", properties));
        // Cached test contexts live on side by side on one database: background jobs of one would act
        // on the data of another. Tests that need them switch them on (or run them by hand).
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "cms-test-defaults",
                        Map.of(
                                "cms.articles.scheduler-enabled", "false",
                                "cms.outbox.retry-enabled", "false")));
    }
}
