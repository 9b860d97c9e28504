package news.cms.moderation.intake;

import java.time.Duration;
import news.cms.core.signing.SigningKey;
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
 * @param repeatWindow how far back screening looks for the same text posted before
 * @param cursorSecret the key that signs the read endpoint's cursors (HMAC-SHA-256), so a client cannot
 *     forge one, at least 32 characters, with no default (the app refuses to start without it)
 * @param defaultPageSize approved comments per page when the reader names no limit
 * @param autoRejectHardSpam reject copy-pasted promotion (the same text again, with a link, phone
 *     number or handle) at once, as spam by "screening"; off by default, so a person decides all
 * @param requestBurst comment requests one client may send at once, whatever becomes of them
 *     (checked before any database work, so unknown articles and closed stories count too)
 * @param requestPerMinute and then per minute
 */
@ConfigurationProperties("cms.moderation.intake")
record IntakeProperties(
        @DefaultValue("16384") int maxBodyBytes,
        @DefaultValue("10") int clientBurst,
        @DefaultValue("4") int clientPerMinute,
        @DefaultValue("120") int articleBurst,
        @DefaultValue("120") int articlePerMinute,
        @DefaultValue("X-Client-Id") String clientHeader,
        @DefaultValue("24h") Duration repeatWindow,
        String cursorSecret,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("false") boolean autoRejectHardSpam,
        @DefaultValue("30") int requestBurst,
        @DefaultValue("30") int requestPerMinute) {

    IntakeProperties {
        SigningKey.requireStrong(cursorSecret, "cms.moderation.intake.cursor-secret");
        if (defaultPageSize < 1 || defaultPageSize > ApprovedCommentsController.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "cms.moderation.intake.default-page-size is 1 to " + ApprovedCommentsController.MAX_LIMIT);
        }
    }
}
