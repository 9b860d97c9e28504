package news.cms.publicapi.media;

import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.cors.ReaderCors;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link CachedRenditionFilter} just before Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CachedRenditionFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedRenditionFilter> cachedRenditions(
            PublicRenditions renditions, PublicApiRateLimits limits, ReaderCors cors) {
        var registration = new FilterRegistrationBean<>(new CachedRenditionFilter(renditions, limits, cors));
        registration.addUrlPatterns(CachedRenditionFilter.PREFIX + "*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
