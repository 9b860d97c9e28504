package news.cms.publicapi.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * X-Forwarded-For names the client only when a configured proxy sends it. Here 127.0.0.1 is that
 * proxy; a connection from 127.0.0.2 is a client sending the header itself, and rotating it must not
 * buy a fresh anonymous rate limit per request.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.trusted-proxies=127.0.0.1/32", "cms.public-api.access.anonymous-per-minute=3"})
class ForwardedHeadersIT {

    @LocalServerPort
    int port;

    @Test
    void aClientRotatingXForwardedForIsStillOneAddress() throws Exception {
        HttpClient direct = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .build();

        List<Integer> statuses = rotating(direct, "203.0.113.");

        assertThat(statuses.subList(0, 3)).doesNotContain(429);
        assertThat(statuses.subList(3, 6)).containsOnly(429);
    }

    @Test
    void theConfiguredProxyIsBelievedSoEachReaderItNamesHasItsOwnLimit() throws Exception {
        List<Integer> statuses = rotating(HttpClient.newHttpClient(), "198.51.100.");

        assertThat(statuses).hasSize(6).doesNotContain(429);
    }

    private List<Integer> rotating(HttpClient http, String prefix) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v1/articles/" + UUID.randomUUID()))
                    .header("X-Forwarded-For", prefix + i)
                    .GET()
                    .build();
            statuses.add(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        return statuses;
    }
}
