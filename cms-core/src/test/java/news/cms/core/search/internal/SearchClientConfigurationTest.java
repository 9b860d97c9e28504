package news.cms.core.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import news.cms.core.search.SearchProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The search client signs in and speaks TLS as production's cluster wants (ADR 0018). The embedded
 * node runs without x-pack, so a stand-in HTTPS endpoint with a certificate of its own (made with
 * keytool, src/test/resources/search-tls) records what the client sends; the properties are bound
 * exactly as the apps bind them, with Boot's SSL bundles.
 */
class SearchClientConfigurationTest {

    private static final String STORE_PASSWORD = "test-node-store";
    // A user and password in the newsroom's scripts: the header must carry them as UTF-8.
    private static final String USER = "cms_search";
    private static final String PASSWORD = "Şifre-كلمة-نهێنی-9";

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpsServer node;

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
            .withUserConfiguration(ClientOnly.class)
            .withPropertyValues(
                    "spring.ssl.bundle.pem.search.truststore.certificate=classpath:search-tls/ca.crt",
                    "cms.search.timeout=5s");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SearchProperties.class)
    @Import(SearchClientConfiguration.class)
    static class ClientOnly {}

    @BeforeEach
    void startNode() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/search-tls/node.p12")) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        node = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.setHttpsConfigurator(new HttpsConfigurator(tls));
        node.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"status\":\"green\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
    }

    @AfterEach
    void stopNode() {
        node.stop(0);
    }

    private String httpsUri() {
        return "cms.search.uri=https://localhost:" + node.getAddress().getPort();
    }

    @Test
    void signsInWithBasicAuthenticationOverTlsTrustingTheBundlesCa() {
        contexts.withPropertyValues(
                        httpsUri(),
                        "cms.search.username=" + USER,
                        "cms.search.password=" + PASSWORD,
                        "cms.search.ssl-bundle=search")
                .run(context -> {
                    var response =
                            context.getBean(Rest5Client.class).performRequest(new Request("GET", "/_cluster/health"));
                    assertThat(response.getStatusCode()).isEqualTo(200);
                    assertThat(authorizations)
                            .containsExactly("Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                });
    }

    @Test
    void withoutTheBundleTheNodesCertificateIsNotTrusted() {
        contexts.withPropertyValues(httpsUri(), "cms.search.username=" + USER, "cms.search.password=" + PASSWORD)
                .run(context -> {
                    Rest5Client client = context.getBean(Rest5Client.class);
                    assertThatThrownBy(() -> client.performRequest(new Request("GET", "/_cluster/health")))
                            .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
                    assertThat(authorizations).isEmpty();
                });
    }

    @Test
    void withoutAUserNoCredentialsAreSent() {
        contexts.withPropertyValues(httpsUri(), "cms.search.ssl-bundle=search").run(context -> {
            context.getBean(Rest5Client.class).performRequest(new Request("GET", "/_cluster/health"));
            assertThat(authorizations).containsExactly("null");
        });
    }

    @Test
    void halfOfTheCredentialsOrABundleForPlainHttpStopTheStart() {
        contexts.withPropertyValues(httpsUri(), "cms.search.username=" + USER)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessage("cms.search.username and cms.search.password go together: set both or neither"));
        contexts.withPropertyValues("cms.search.uri=http://127.0.0.1:9200", "cms.search.ssl-bundle=search")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("cms.search.ssl-bundle is set but cms.search.uri"));
        contexts.withPropertyValues(httpsUri(), "cms.search.ssl-bundle=no-such-bundle")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("no-such-bundle"));
    }

    @Test
    void thePasswordIsNeverPrinted() {
        var properties = new SearchProperties(
                java.net.URI.create("https://search.internal:9200"),
                "cms-articles",
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(800),
                java.time.Duration.ofMillis(800),
                USER,
                PASSWORD,
                "search");
        assertThat(properties.toString()).doesNotContain(PASSWORD).contains("password=(set)");
    }
}
