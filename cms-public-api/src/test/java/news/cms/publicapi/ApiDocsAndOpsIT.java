package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document and Swagger UI for partners; health and metrics on the management port only. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiDocsAndOpsIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theOpenApiDocumentIsVersion31AndDescribesEveryEndpoint() throws Exception {
        HttpResponse<String> r = new Api(port).get("/v3/api-docs");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = Api.JSON.readTree(r.body());
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("paths").propertyNames())
                .contains("/v1/articles/{id}", "/v1/feed", "/v1/feed.atom", "/v1/feed.json", "/v1/search");
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("partnerKey")
                        .path("name")
                        .asString())
                .isEqualTo("X-API-Key");

        HttpResponse<String> ui = new Api(port).get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void healthAndPrometheusMetricsAnswerOnTheManagementPortNotThePublicOne() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        Api management = new Api(managementPort);
        new Api(port).get("/v1/search?q=warmup"); // so that a request metric exists

        HttpResponse<String> health = management.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(health.body()).path("status").asString()).isEqualTo("UP");

        HttpResponse<String> metrics = management.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes");

        assertThat(new Api(port).get("/actuator/prometheus").statusCode()).isIn(401, 403, 404);
    }
}
