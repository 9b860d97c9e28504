package news.cms.publicapi.media;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.cors.ReaderCors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link CachedRenditionFilter} just before Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CachedRenditionFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedRenditionFilter> cachedRenditions(
            PublicRenditions renditions, PublicApiRateLimits limits, ReaderCors cors) {
        return CachedReadFilter.registered(
                new CachedRenditionFilter(renditions, limits, cors), CachedRenditionFilter.PREFIX);
    }
}
