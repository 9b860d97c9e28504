package news.cms.core;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import news.cms.infra.engines.EngineVersions;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fails when the tests run on anything but a real PostgreSQL 18 and Elasticsearch 9. */
@CmsIntegrationTest
class RealEnginesIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient search;

    @Autowired
    Rest5Client searchRest;

    @Test
    void theDatabaseIsPostgres18() {
        String version = jdbc.sql("select version()").query(String.class).single();
        assertThat(version).startsWith("PostgreSQL 18.");
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single())
                .isBetween(180000, 189999);
    }

    @Test
    void theSearchEngineIsElasticsearchOfThePinnedVersion() throws Exception {
        // The typed nodes-info response wants settings this minimal node does not report: read it raw.
        Response response = searchRest.performRequest(new Request("GET", "/_nodes/_local/jvm"));
        assertThat(response.getHeader("X-Elastic-Product")).isEqualTo("Elasticsearch");
        JsonNode nodes = JsonMapper.builder()
                .build()
                .readTree(response.getEntity().getContent())
                .path("nodes");
        assertThat(nodes.size()).isEqualTo(1);
        assertThat(nodes.valueStream().findFirst().orElseThrow().path("version").asString())
                .isEqualTo(EngineVersions.pinned().elasticsearchVersion());
        assertThat(search.cluster().health().clusterName()).isNotBlank();
    }
}
