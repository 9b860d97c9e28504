package news.cms.publicapi.cors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import news.cms.publicapi.config.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS for the readers' endpoints, as {@link CorsProperties} say: GET and HEAD (and their
 * preflights) from the allowed origins, never with credentials, the validators and rate-limit
 * headers readable by the page. The partners' change feed, the API documents and everything else get
 * no CORS headers: a partner key belongs on a server, not in a web page. A request from an origin
 * not allowed is a 403 problem.
 */
@Component
@EnableConfigurationProperties(CorsProperties.class)
public class ReaderCors {

    /** The readers' endpoints. */
    public static final List<String> PATHS = List.of("/v1/articles/*", "/v1/search", "/v1/feed.atom", "/v1/feed.json");

    private final @Nullable UrlBasedCorsConfigurationSource source;
    private final Processor processor;

    ReaderCors(CorsProperties properties, JsonMapper json) {
        this.processor = new Processor(json);
        if (properties.allowedOrigins().isEmpty()) {
            this.source = null; // no CORS at all: browsers on other origins cannot read
            return;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD"));
        config.setAllowedHeaders(List.of(
                HttpHeaders.ACCEPT,
                HttpHeaders.IF_NONE_MATCH,
                HttpHeaders.IF_MODIFIED_SINCE,
                HttpHeaders.IF_MATCH,
                HttpHeaders.IF_UNMODIFIED_SINCE));
        config.setExposedHeaders(List.of(
                HttpHeaders.ETAG,
                HttpHeaders.LAST_MODIFIED,
                HttpHeaders.RETRY_AFTER,
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "RateLimit-Policy"));
        config.setAllowCredentials(false);
        config.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource paths = new UrlBasedCorsConfigurationSource();
        PATHS.forEach(p -> paths.registerCorsConfiguration(p, config));
        this.source = paths;
    }

    /** The configuration source, or null when no origin is allowed (then there is nothing to do). */
    public @Nullable UrlBasedCorsConfigurationSource source() {
        return source;
    }

    public DefaultCorsProcessor processor() {
        return processor;
    }

    /**
     * Applies CORS to a request outside Spring Security's chain (the cached-read fast paths).
     *
     * @return false when the request was refused, with a 403 problem already written
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (source == null) {
            return true;
        }
        CorsConfiguration config = source.getCorsConfiguration(request);
        return config == null || processor.processRequest(config, request, response);
    }

    /** Spring's CORS rules, with a problem instead of the text "Invalid CORS request". */
    static final class Processor extends DefaultCorsProcessor {

        private final JsonMapper json;

        Processor(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            if (response instanceof ServletServerHttpResponse servlet) {
                Problems.write(
                        servlet.getServletResponse(),
                        json,
                        HttpStatus.FORBIDDEN,
                        "cors-refused",
                        "Cross-origin request refused",
                        "This origin, method or header is not allowed to read the API from a browser.");
                return;
            }
            super.rejectRequest(response);
        }
    }
}
