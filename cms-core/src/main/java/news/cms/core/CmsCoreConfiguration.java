package news.cms.core;

import java.time.Clock;
import java.time.Duration;
import news.cms.core.body.BodyRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.PropertySource;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The newsroom domain as the apps import it. Method security is switched on here, so that every app
 * that uses the services gets their role checks, whatever its UI or HTTP layer allows.
 */
@Configuration(proxyBeanMethods = false)
@Modulithic(systemName = "cms-core", sharedModules = "language")
// Like @SpringBootApplication's scan: test-only configurations never leak into other contexts.
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@PropertySource("classpath:cms-core.properties")
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@EnableMethodSecurity
public class CmsCoreConfiguration {

    /** Renders Markdown bodies to sanitised HTML and plain text; every web link counts as external. */
    @Bean
    @ConditionalOnMissingBean
    BodyRenderer bodyRenderer() {
        return new BodyRenderer();
    }

    /** Ticks in microseconds, the precision PostgreSQL stores, so a value reads back as it was saved. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
