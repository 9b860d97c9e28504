package news.cms.publicapi.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param anonymousPerMinute requests a minute one address may make without a key (keys carry
 *     their own rate)
 */
@ConfigurationProperties("cms.public-api.access")
public record AccessProperties(@DefaultValue("120") int anonymousPerMinute) {

    public AccessProperties {
        if (anonymousPerMinute < 1) {
            throw new IllegalArgumentException("cms.public-api.access.anonymous-per-minute must be at least 1");
        }
    }
}
