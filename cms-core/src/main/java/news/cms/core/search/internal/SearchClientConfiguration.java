package news.cms.core.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.util.concurrent.TimeUnit;
import news.cms.core.search.SearchProperties;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official Elasticsearch Java client over the low-level REST client, with Jackson 3. */
@Configuration(proxyBeanMethods = false)
class SearchClientConfiguration {

    @Bean(destroyMethod = "close")
    Rest5Client searchRestClient(SearchProperties properties) throws Exception {
        var timeout = Timeout.of(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        var connectTimeout = Timeout.of(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return Rest5Client.builder(HttpHost.create(properties.uri()))
                // An engine that is not there is known within the connect timeout (ADR 0013).
                .setConnectionConfigCallback(c -> c.setConnectTimeout(connectTimeout))
                .setRequestConfigCallback(
                        c -> c.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchClient(new Rest5ClientTransport(restClient, new Jackson3JsonpMapper()));
    }
}
