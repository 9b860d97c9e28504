package news.cms.publicapi.feed;

import news.cms.publicapi.access.CachedReadFilter;
import news.cms.publicapi.access.CachedReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CachedFeedFilterConfiguration {

    /** One signing key for the feed's cursors, shared by the controller and the fast paths. */
    @Bean
    FeedCursor feedCursors(FeedProperties properties) {
        return new FeedCursor(properties.cursorSecret());
    }

    @Bean
    FilterRegistrationBean<CachedFeedFilter> cachedFeedPages(FeedPages pages, FeedCursor cursors, CachedReads reads) {
        return CachedReadFilter.registered(new CachedFeedFilter(pages, cursors, reads), CachedFeedFilter.PATH);
    }

    @Bean
    FilterRegistrationBean<CachedSyndicationFilter> cachedAtomPages(
            FeedPages pages, FeedCursor cursors, CachedReads reads) {
        return CachedReadFilter.registered(
                CachedSyndicationFilter.atom(pages, cursors, reads), CachedSyndicationFilter.ATOM);
    }

    @Bean
    FilterRegistrationBean<CachedSyndicationFilter> cachedJsonFeed(
            FeedPages pages, FeedCursor cursors, CachedReads reads) {
        return CachedReadFilter.registered(
                CachedSyndicationFilter.jsonFeed(pages, cursors, reads), CachedSyndicationFilter.JSON_FEED);
    }
}
