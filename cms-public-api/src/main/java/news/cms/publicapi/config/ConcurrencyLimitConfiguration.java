package news.cms.publicapi.config;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import news.cms.core.observability.Meters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The bulkhead goes right after the request id, before the cached fast path, CORS and the key check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConcurrencyLimitProperties.class)
class ConcurrencyLimitConfiguration {

    @Bean
    ConcurrencyLimitFilter concurrencyLimitFilter(
            ConcurrencyLimitProperties properties, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        return new ConcurrencyLimitFilter(properties, json, Meters.registry(meters));
    }

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimit(ConcurrencyLimitFilter filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.addUrlPatterns("/v1/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
