package news.cms.publicapi.feed;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The feeds.
 *
 * @param cursorSecret the HMAC key that signs feed cursors, at least 32 characters, with no default
 *     (the app refuses to start without it, ADR 0009); changing it voids every cursor partners hold
 * @param baseUrl where this API is reached, for the links in Atom and JSON Feed
 * @param title the feeds' title
 * @param latest how many live stories Atom and JSON Feed carry (an Atom page)
 * @param homePageUrl the newsroom's public site, the feeds' home page (open to anyone)
 * @param pageUrlTemplate where readers read a story on the public site: {@code {lang}}, {@code
 *     {slug}} and {@code {id}} are replaced by the story's (the slug percent-encoded); the feeds'
 *     item links
 * @param tombstoneFor how long Atom lists a killed story as a deleted entry (RFC 6721)
 */
@ConfigurationProperties("cms.public-api")
record FeedProperties(
        String cursorSecret,

        @DefaultValue("http://localhost:8081") URI baseUrl,
        @DefaultValue("Newsroom CMS") String title,
        @DefaultValue("50") int latest,
        @DefaultValue("https://news.example.org/") URI homePageUrl,

        @DefaultValue("https://news.example.org/{lang}/{slug}")
        String pageUrlTemplate,

        @DefaultValue("7d") Duration tombstoneFor) {

    static final int MIN_SECRET = 32;

    FeedProperties {
        if (cursorSecret == null || cursorSecret.strip().length() < MIN_SECRET) {
            throw new IllegalArgumentException(
                    "cms.public-api.cursor-secret must be at least " + MIN_SECRET + " characters");
        }
        if (latest < 1 || latest > 200) {
            throw new IllegalArgumentException("cms.public-api.latest must be 1 to 200");
        }
        if (!pageUrlTemplate.contains("{id}") && !pageUrlTemplate.contains("{slug}")) {
            throw new IllegalArgumentException(
                    "cms.public-api.page-url-template must name the story with {id} or {slug}: " + pageUrlTemplate);
        }
        if (!pageUrlTemplate.startsWith("https://") && !pageUrlTemplate.startsWith("http://")) {
            throw new IllegalArgumentException("cms.public-api.page-url-template must be an http(s) URL");
        }
        if (tombstoneFor.isNegative()) {
            throw new IllegalArgumentException("cms.public-api.tombstone-for must not be negative");
        }
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            baseUrl = URI.create(base.substring(0, base.length() - 1));
        }
    }

    /** The public page of a story, from {@link #pageUrlTemplate}. */
    String pageUrl(news.cms.core.article.Article a) {
        return pageUrlTemplate
                .replace("{lang}", a.language().value())
                .replace("{id}", a.id().toString())
                .replace(
                        "{slug}",
                        org.springframework.web.util.UriUtils.encodePathSegment(
                                a.slug().value(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
