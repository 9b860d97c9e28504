package news.cms.publicapi.access;

import news.cms.core.ratelimit.RateLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param anonymousPerMinute requests a minute one address may make without a key (keys carry
 *     their own rate)
 */
@ConfigurationProperties("cms.public-api.access")
public record AccessProperties(@DefaultValue("120") int anonymousPerMinute) {

    public AccessProperties {
        if (anonymousPerMinute < 1 || anonymousPerMinute > RateLimiter.Rate.MAX_BURST) {
            throw new IllegalArgumentException("cms.public-api.access.anonymous-per-minute must be from 1 to "
                    + RateLimiter.Rate.MAX_BURST + ", not " + anonymousPerMinute);
        }
    }
}
