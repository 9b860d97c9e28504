package news.cms.publicapi.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of serialised articles.
 *
 * @param ttl how long an entry lives at most; change notices evict entries sooner, so this only
 *     bounds staleness should a notice be lost
 * @param maxEntries entries kept before the cache starts over
 * @param maxSize bytes of articles kept before the cache starts over (a long story is hundreds of
 *     kilobytes, so a count alone would not bound the memory)
 */
@ConfigurationProperties("cms.public-api.article-cache")
record ArticleCacheProperties(
        @DefaultValue("10m") Duration ttl,
        @DefaultValue("10000") int maxEntries,
        @DefaultValue("128MB") DataSize maxSize) {

    ArticleCacheProperties {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("the article cache needs a ttl >= 0 and at least one entry");
        }
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("the article cache needs a max-size of at least one byte");
        }
    }
}
