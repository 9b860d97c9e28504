package news.cms.core.availability.internal;

import java.time.Duration;
import javax.sql.DataSource;
import news.cms.core.availability.Outages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Puts the database's breaker in front of the app's data source (the pool Spring Boot made), and
 * gives each borrowed connection what is left of the request's database budget as its read timeout
 * ({@code cms.fail-fast.database-read-timeout}, ADR 0013).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceGuard {

    static final String READ_TIMEOUT = "cms.fail-fast.database-read-timeout";

    // Static, and the breakers looked up late: a post-processor is made before ordinary beans.
    @Bean
    static BeanPostProcessor guardedDataSource(ObjectProvider<Outages> outages, Environment environment) {
        Duration readTimeout = readTimeout(
                Binder.get(environment).bind(READ_TIMEOUT, Duration.class).orElse(Duration.ofMillis(1700)));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource pool
                        && !(bean instanceof GuardedDataSource)
                        && "dataSource".equals(name)) {
                    return new GuardedDataSource(pool, outages.getObject().database(), readTimeout);
                }
                return bean;
            }
        };
    }

    /**
     * Between 200 ms and 10 s. It must stay above the server's statement timeout (1.5 s), so that a
     * slow statement is ended by the server, cleanly, before the driver gives the connection up.
     */
    static Duration readTimeout(Duration value) {
        if (value.compareTo(Duration.ofMillis(200)) < 0 || value.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(READ_TIMEOUT + " must be between 200ms and 10s, not " + value);
        }
        return value;
    }
}
