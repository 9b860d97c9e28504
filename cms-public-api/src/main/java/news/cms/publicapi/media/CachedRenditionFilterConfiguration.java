package news.cms.publicapi.media;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link CachedRenditionFilter} just before Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CachedRenditionFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedRenditionFilter> cachedRenditions(PublicRenditions renditions, CachedReads reads) {
        return CachedReadFilter.registered(
                new CachedRenditionFilter(renditions, reads), CachedRenditionFilter.PREFIX + "*");
    }
}
