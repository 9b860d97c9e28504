package news.cms.core.search.internal;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import news.cms.core.search.SearchProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The search engine in {@code /actuator/health} as the component {@code search}: asked with the
 * queries' short timeout, so that a frozen engine cannot hold the health endpoint. No app's
 * liveness or readiness group includes it: without search only searching stops (ADR 0013).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
class SearchHealth {

    static final String IMPACT = "searches answer 503; publishing, editing, feeds and comments carry on,"
            + " and the outbox indexes what was published once the engine is back";

    @Bean
    HealthIndicator searchHealthIndicator(ElasticsearchClient client, SearchProperties properties) {
        ElasticsearchClient quick =
                client.withTransportOptions(ArticleIndex.shortTimeouts(client, properties.queryTimeout()));
        return () -> {
            try {
                // With a deadline of our own: the client's request timeouts alone did not end the wait.
                HealthResponse health = CompletableFuture.supplyAsync(
                                () -> {
                                    try {
                                        return quick.cluster().health();
                                    } catch (java.io.IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                },
                                Thread::startVirtualThread)
                        .get(properties.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
                Health.Builder builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
                return builder.withDetail("cluster", health.clusterName())
                        .withDetail("status", health.status().jsonValue())
                        .build();
            } catch (Exception e) {
                return Health.down()
                        .withDetail("error", e.getClass().getSimpleName())
                        .withDetail("impact", IMPACT)
                        .build();
            }
        };
    }
}
