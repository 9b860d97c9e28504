package news.cms.core.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import news.cms.core.account.Role;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook endpoint: a real HTTP server on loopback that records what arrives and answers
 * as the test says (a status, headers, or hanging until released). Each request has its own
 * virtual thread, so a hanging answer holds only itself.
 */
public final class Receiver implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived; header names in lower case. */
    public record Request(Map<String, List<String>> headers, String body, Instant arrived) {

        public String header(String name) {
            return headers.getOrDefault(name, List.of("")).getFirst();
        }

        public String webhookId() {
            return header("webhook-id");
        }

        public long timestamp() {
            return Long.parseLong(header("webhook-timestamp"));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public long sequence() {
            return json().get("data").get("sequence").asLong();
        }

        public String uri() {
            return json().get("data").get("uri").asString();
        }

        public int version() {
            return json().get("data").get("version").asInt();
        }
    }

    /**
     * Waits until {@code count} of a subscription's deliveries are recorded as delivered. A receiver
     * hears a delivery before the worker records the answer, and a replay leaves a delivery in
     * flight alone, so a test that replays or reads the log waits for this, not for the requests.
     */
    public static void awaitDelivered(PushSubscriptions push, SubscriptionId id, int count, Duration atMost) {
        Awaitility.await()
                .atMost(atMost)
                .until(() -> Newsroom.as(
                                        "hana",
                                        () -> push.deliveries(id, 0, DeliveryStatus.DELIVERED, count + 1),
                                        Role.ADMIN)
                                .size()
                        == count);
    }

    /** How to answer. */
    public record Reply(int status, Map<String, String> headers, boolean hang) {

        public static Reply status(int status) {
            return new Reply(status, Map.of(), false);
        }

        public static Reply hanging() {
            return new Reply(200, Map.of(), true);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private Receiver(Function<Request, Reply> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hooks", exchange -> handle(exchange, answer));
        server.start();
    }

    public static Receiver answering(Function<Request, Reply> answer) throws IOException {
        return new Receiver(answer);
    }

    public static Receiver ok() throws IOException {
        return new Receiver(r -> Reply.status(204));
    }

    private void handle(HttpExchange exchange, Function<Request, Reply> answer) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(headers, body, Instant.now());
            requests.add(request);
            Reply reply = answer.apply(request);
            if (reply.hang()) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }

    /** Lets hanging answers go. */
    public void release() {
        release.countDown();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    public URI uri(String host) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/hooks");
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}
