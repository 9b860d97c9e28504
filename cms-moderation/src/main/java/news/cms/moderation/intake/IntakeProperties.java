package news.cms.moderation.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the comment intake. A client is its remote address (behind the proxy, which sets
 * X-Forwarded-For; see {@code server.forward-headers-strategy}).
 *
 * @param maxBodyBytes a request body larger than this is refused with 413 before it is parsed
 * @param clientBurst comments one client may post at once
 * @param clientPerMinute and then per minute
 * @param articleBurst comments one article takes at once, from everybody
 * @param articlePerMinute and then per minute
 * @param clientHeader an optional request header whose value (e.g. an app install id) joins the
 *     remote address in the stored client fingerprint; never used for rate limits, clients choose it
 */
@ConfigurationProperties("cms.moderation.intake")
record IntakeProperties(
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("10") int clientBurst,
        @DefaultValue("4") int clientPerMinute,
        @DefaultValue("120") int articleBurst,
        @DefaultValue("120") int articlePerMinute,
        @DefaultValue("X-Client-Id") String clientHeader) {}
