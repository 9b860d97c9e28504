package news.cms.core.search;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search engine is, how the apps sign in to it and what the articles index is called.
 * The dev stack's and the tests' embedded node runs without security (no x-pack there); production's
 * cluster has it on (docker/compose.yaml, ADR 0018): an {@code https} URI, a user and its password,
 * and the cluster's CA as a Spring Boot SSL bundle.
 *
 * @param uri the Elasticsearch HTTP endpoint, {@code http} or {@code https}
 * @param index the alias readers and writers use; the concrete index carries a version suffix
 * @param timeout how long one request of the indexer or the index's upkeep may take
 * @param connectTimeout how long connecting to the engine may take
 * @param queryTimeout how long a search for a reader or an editor may wait for its answer: short,
 *     so that a frozen engine costs a request under a second before its 503 (ADR 0013)
 * @param username the user the apps sign in as (HTTP basic), or none where security is off
 * @param password that user's password; required with a username
 * @param sslBundle the name of a {@code spring.ssl.bundle.*} bundle whose trust store holds the
 *     cluster's CA, for an {@code https} URI signed by a CA the JVM does not trust
 */
@ConfigurationProperties("cms.search")
public record SearchProperties(
        @DefaultValue("http://127.0.0.1:9200") URI uri,
        @DefaultValue("cms-articles") String index,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("800ms") Duration connectTimeout,
        @DefaultValue("800ms") Duration queryTimeout,
        @Nullable String username,
        @Nullable String password,
        @Nullable String sslBundle) {

    public SearchProperties {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("cms.search.uri must be an http or https URI, not " + uri);
        }
        username = blankToNull(username);
        password = blankToNull(password);
        sslBundle = blankToNull(sslBundle);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException(
                    "cms.search.username and cms.search.password go together: set both or neither");
        }
        if (sslBundle != null && !"https".equals(scheme)) {
            throw new IllegalArgumentException("cms.search.ssl-bundle is set but cms.search.uri " + uri
                    + " is not https: the bundle would never be used");
        }
    }

    /** The URI, index, timeouts and chosen options, never the password. */
    @Override
    public String toString() {
        return "SearchProperties[uri=" + uri + ", index=" + index + ", timeout=" + timeout + ", connectTimeout="
                + connectTimeout + ", queryTimeout=" + queryTimeout + ", username="
                + username + ", password=" + (password == null ? "none" : "(set)") + ", sslBundle=" + sslBundle
                + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
