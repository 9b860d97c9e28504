package news.cms.publicapi.article;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.PublicApiRateLimits;
import news.cms.publicapi.cors.ReaderCors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link CachedArticleFilter} just before Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CachedArticleFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedArticleFilter> cachedArticles(
            ArticleRepresentations representations, PublicApiRateLimits limits, ReaderCors cors) {
        return CachedReadFilter.registered(
                new CachedArticleFilter(representations, limits, cors), CachedArticleFilter.PREFIX);
    }
}
