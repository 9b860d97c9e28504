package news.cms.core.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import news.cms.core.search.SearchProperties;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The official Elasticsearch Java client over the low-level REST client, with Jackson 3: basic
 * authentication when {@code cms.search.username} is set, and TLS trusting the CA of the
 * {@code spring.ssl.bundle.*} bundle named by {@code cms.search.ssl-bundle} (ADR 0018).
 */
@Configuration(proxyBeanMethods = false)
class SearchClientConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client searchRestClient(SearchProperties properties, ObjectProvider<SslBundles> sslBundles) throws Exception {
        var timeout = Timeout.of(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        var connectTimeout = Timeout.of(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Rest5ClientBuilder builder = Rest5Client.builder(HttpHost.create(properties.uri()))
                // An engine that is not there is known within the connect timeout (ADR 0013).
                .setConnectionConfigCallback(c -> c.setConnectTimeout(connectTimeout))
                .setRequestConfigCallback(
                        c -> c.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout));
        if (properties.username() != null) {
            String token = Base64.getEncoder()
                    .encodeToString(
                            (properties.username() + ":" + properties.password()).getBytes(StandardCharsets.UTF_8));
            builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, "Basic " + token)});
        }
        if (properties.sslBundle() != null) {
            SslBundles bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException("cms.search.ssl-bundle is set but the app has no SSL bundles");
            }
            // An unknown name fails the start with Boot's NoSuchSslBundleException, naming it.
            builder.setSSLContext(bundles.getBundle(properties.sslBundle()).createSslContext());
        }
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
    }
}
