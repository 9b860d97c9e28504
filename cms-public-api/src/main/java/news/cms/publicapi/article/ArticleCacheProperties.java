package news.cms.publicapi.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of serialised articles.
 *
 * @param ttl how long an entry lives at most; change notices evict entries sooner, so this only
 *     bounds staleness should a notice be lost
 * @param maxEntries entries kept before the cache starts over
 */
@ConfigurationProperties("cms.public-api.article-cache")
record ArticleCacheProperties(
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("10000") int maxEntries) {

    ArticleCacheProperties {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("the article cache needs a ttl >= 0 and at least one entry");
        }
    }
}
