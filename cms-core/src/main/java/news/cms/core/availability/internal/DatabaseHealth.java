package news.cms.core.availability.internal;

import java.sql.Connection;
import javax.sql.DataSource;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database in {@code /actuator/health} as the component {@code db}, in place of Spring Boot's:
 * one borrowed connection (at most the pool's 1 s connection timeout) checked with a 1 s limit, and
 * DOWN at once while the breaker is open, so that a frozen database cannot hold the health endpoint
 * (Boot's own asks twice and checks without a limit). Every app's readiness group includes it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class DatabaseHealth {

    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource, Outages outages) {
        return () -> {
            CircuitBreaker breaker = outages.database();
            if (breaker.state() == CircuitBreaker.State.OPEN) {
                return Health.down()
                        .withDetail("breaker", "open")
                        .withDetail("retryAfterMillis", breaker.retryAfter().toMillis())
                        .build();
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(1);
                return (valid ? Health.up() : Health.down())
                        .withDetail("database", "PostgreSQL")
                        .withDetail("breaker", breaker.state().name().toLowerCase(java.util.Locale.ROOT))
                        .build();
            } catch (Exception e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .withDetail("breaker", breaker.state().name().toLowerCase(java.util.Locale.ROOT))
                        .build();
            }
        };
    }
}
