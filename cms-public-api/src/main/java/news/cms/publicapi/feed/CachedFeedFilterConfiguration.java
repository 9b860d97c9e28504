package news.cms.publicapi.feed;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CachedFeedFilterConfiguration {

    @Bean
    FilterRegistrationBean<CachedFeedFilter> cachedFeedPages(
            FeedPages pages, FeedProperties properties, CachedReads reads) {
        return CachedReadFilter.registered(new CachedFeedFilter(pages, properties, reads), CachedFeedFilter.PATH);
    }

    @Bean
    FilterRegistrationBean<CachedSyndicationFilter> cachedAtomPages(
            FeedPages pages, FeedProperties properties, CachedReads reads) {
        return CachedReadFilter.registered(
                CachedSyndicationFilter.atom(pages, properties, reads), CachedSyndicationFilter.ATOM);
    }

    @Bean
    FilterRegistrationBean<CachedSyndicationFilter> cachedJsonFeed(
            FeedPages pages, FeedProperties properties, CachedReads reads) {
        return CachedReadFilter.registered(
                CachedSyndicationFilter.jsonFeed(pages, properties, reads), CachedSyndicationFilter.JSON_FEED);
    }
}
