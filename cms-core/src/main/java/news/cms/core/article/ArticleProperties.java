package news.cms.core.article;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lockTtl how long an edit lock lasts after its last heartbeat
 * @param schedulerEnabled whether this instance puts scheduled articles live
 * @param schedulerInterval how often it looks for articles that are due
 */
@ConfigurationProperties("cms.articles")
public record ArticleProperties(
        @DefaultValue("2m") Duration lockTtl,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("1s") Duration schedulerInterval) {

    public ArticleProperties {
        if (lockTtl.isNegative() || lockTtl.isZero()) {
            throw new IllegalArgumentException("cms.articles.lock-ttl must be positive");
        }
        if (schedulerInterval.isNegative() || schedulerInterval.isZero()) {
            throw new IllegalArgumentException("cms.articles.scheduler-interval must be positive");
        }
    }
}
