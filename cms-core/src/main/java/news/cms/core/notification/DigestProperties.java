package news.cms.core.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mail digest of unread notifications: off unless enabled, then sent through Spring Boot's
 * mail support ({@code spring.mail.host}, {@code …port}, {@code …username}, {@code …password}).
 *
 * <pre>
 * cms.mail-digest.enabled=true
 * cms.mail-digest.from=Newsroom desk &lt;desk@newsroom.example&gt;
 * cms.mail-digest.interval=1h
 * </pre>
 *
 * @param enabled whether digests are sent at all (false by default)
 * @param from the sender, an RFC 5322 address (required when enabled)
 * @param interval how often each subscriber's unread notifications are gathered (1 minute to 7 days)
 */
@ConfigurationProperties("cms.mail-digest")
public record DigestProperties(
        @DefaultValue("false") boolean enabled,
        @Nullable String from,
        @DefaultValue("1h") Duration interval) {

    public static final Duration SHORTEST = Duration.ofMinutes(1);
    public static final Duration LONGEST = Duration.ofDays(7);

    public DigestProperties {
        if (interval == null || interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "cms.mail-digest.interval must be between 1 minute and 7 days, not " + interval);
        }
        if (enabled) {
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("cms.mail-digest.from is required when digests are enabled");
            }
            try {
                new InternetAddress(from.strip(), true).validate();
            } catch (AddressException e) {
                throw new IllegalArgumentException("cms.mail-digest.from is not an e-mail address: " + from, e);
            }
            from = from.strip();
        }
    }
}
