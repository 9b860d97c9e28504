package news.cms.publicapi.article;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link CachedArticleFilter} just before Spring Security's filter chain. */
@Configuration(proxyBeanMethods = false)
class CachedArticleFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedArticleFilter> cachedArticles(
            ArticleRepresentations representations, CachedReads reads) {
        return CachedReadFilter.registered(
                new CachedArticleFilter(representations, reads), CachedArticleFilter.PREFIX + "*");
    }
}
