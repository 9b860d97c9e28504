package news.cms.core.availability.internal;

import javax.sql.DataSource;
import news.cms.core.availability.Outages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the database's breaker in front of the app's data source (the pool Spring Boot made). */
@Configuration(proxyBeanMethods = false)
class DataSourceGuard {

    // Static, and the breakers looked up late: a post-processor is made before ordinary beans.
    @Bean
    static BeanPostProcessor guardedDataSource(ObjectProvider<Outages> outages) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource pool
                        && !(bean instanceof GuardedDataSource)
                        && "dataSource".equals(name)) {
                    return new GuardedDataSource(pool, outages.getObject().database());
                }
                return bean;
            }
        };
    }
}
