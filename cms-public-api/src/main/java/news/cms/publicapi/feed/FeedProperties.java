package news.cms.publicapi.feed;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feeds.
 *
 * @param cursorSecret the HMAC key that signs feed cursors, at least 32 characters, with no default
 *     (the app refuses to start without it, ADR 0009); changing it voids every cursor partners hold
 * @param baseUrl where this API is reached, for the links in Atom and JSON Feed
 * @param title the feeds' title
 * @param latest how many live stories Atom and JSON Feed carry
 */
@ConfigurationProperties("cms.public-api")
record FeedProperties(
        String cursorSecret,

        @DefaultValue("http://localhost:8081") URI baseUrl,
        @DefaultValue("Newsroom CMS") String title,
        @DefaultValue("50") int latest) {

    static final int MIN_SECRET = 32;

    FeedProperties {
        if (cursorSecret == null || cursorSecret.strip().length() < MIN_SECRET) {
            throw new IllegalArgumentException(
                    "cms.public-api.cursor-secret must be at least " + MIN_SECRET + " characters");
        }
        if (latest < 1 || latest > 200) {
            throw new IllegalArgumentException("cms.public-api.latest must be 1 to 200");
        }
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            baseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }
}
