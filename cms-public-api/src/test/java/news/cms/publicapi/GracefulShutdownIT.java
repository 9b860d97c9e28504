package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import news.cms.testsupport.EnginesInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graceful shutdown (docs/adr/0017): a request in flight when the app is told to stop is answered in
 * full, while the app takes no new connection. The app runs on its own here, not as a cached test
 * context, because the test closes it.
 */
class GracefulShutdownIT {

    static final CountDownLatch ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** A request that takes as long as the test says; only in this test's app (a nested test class is not scanned). */
    @RestController
    static class SlowEndpoint {

        @GetMapping("/slow-for-shutdown-test")
        String slow() throws InterruptedException {
            ENTERED.countDown();
            RELEASE.await(30, TimeUnit.SECONDS);
            return "finished";
        }
    }

    @Test
    void aRequestInFlightIsAnsweredWhileTheAppStopsTakingConnections() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        PublicApiApplication.class, SlowEndpoint.class)
                .initializers(new EnginesInitializer())
                .properties("server.port=0", "management.server.port=0", "cms.metrics.sampling-enabled=false")
                .run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow-for-shutdown-test"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ENTERED.await(30, TimeUnit.SECONDS))
                .as("the request reached its handler")
                .isTrue();

        Thread closing = Thread.ofPlatform().start(app::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> refusesConnections(port));
        assertThat(inFlight).isNotDone();

        RELEASE.countDown();
        HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        closing.join(Duration.ofSeconds(30));
        assertThat(app.isActive()).isFalse();
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }
}
