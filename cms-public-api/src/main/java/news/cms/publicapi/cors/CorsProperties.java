package news.cms.publicapi.cors;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages may read the readers' endpoints (articles, search, Atom, JSON Feed) from a
 * browser. None by default: a production newsroom names its sites; the dev stack passes {@code *}.
 *
 * @param allowedOrigins origins such as {@code https://news.example}, or the single entry {@code *}
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("cms.public-api.cors")
public record CorsProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("1h") Duration maxAge) {

    public CorsProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.contains("*") && allowedOrigins.size() > 1) {
            throw new IllegalArgumentException("cms.public-api.cors.allowed-origins: '*' stands alone");
        }
        for (String origin : allowedOrigins) {
            if (!origin.equals("*") && !isOrigin(origin)) {
                throw new IllegalArgumentException("cms.public-api.cors.allowed-origins: \"" + origin
                        + "\" is not an origin (scheme://host[:port], no path)");
            }
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("cms.public-api.cors.max-age must not be negative");
        }
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return (uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    && uri.getHost() != null
                    && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
