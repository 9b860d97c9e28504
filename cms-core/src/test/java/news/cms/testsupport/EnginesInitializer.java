package news.cms.testsupport;

import java.util.Map;
import news.cms.infra.engines.Engines;
import news.cms.infra.engines.TestEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the application at the test JVM's engines, starting them on first use. */
public class EnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Engines engines = TestEngines.shared();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "cms-test-engines",
                        Map.of(
                                "spring.datasource.url", engines.jdbcUrl(),
                                "spring.datasource.username", engines.username(),
                                "spring.datasource.password", engines.password(),
                                "cms.search.uri", engines.searchUri().toString())));
    }
}
