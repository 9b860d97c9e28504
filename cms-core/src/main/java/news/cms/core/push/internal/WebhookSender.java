package news.cms.core.push.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import news.cms.core.push.EndpointRefused;
import news.cms.core.push.PushProperties;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * POSTs one signed delivery. Connections go only to addresses the {@link EndpointGuard} passed (it
 * is the client's DNS resolver); redirects are never followed, nothing is retried here (the outbox
 * retries), no cookies or proxies are used. Each endpoint has its own connections (at most
 * {@code concurrency}), and a request ends after connect + request timeout whatever the server
 * does, so a slow partner costs only its own deliveries.
 */
@Component
class WebhookSender implements DisposableBean {

    /** What was answered, or why nothing was. */
    record Result(
            @Nullable Integer status,
            @Nullable Duration retryAfter,
            @Nullable String error,
            long latencyMillis) {}

    private static final int ERROR_BODY_CHARS = 200;

    private final EndpointGuard guard;
    private final Clock clock;
    private final CloseableHttpClient client;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines;

    WebhookSender(EndpointGuard guard, PushProperties properties, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.deadline = properties.connectTimeout().plus(properties.requestTimeout());
        this.deadlines = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("push-deadlines").factory());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard)
                .setMaxConnPerRoute(properties.concurrency())
                .setMaxConnTotal(1_000)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("newsroom-cms-push/1")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.requestTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                .build();
    }

    Result send(URI endpoint, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        try {
            guard.checkForm(endpoint); // the rules may have changed since it was saved
        } catch (EndpointRefused e) {
            return new Result(null, null, "refused: " + e.getMessage(), 0);
        }
        HttpPost post = new HttpPost(endpoint);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> stop = deadlines.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> {
                int status = response.getCode();
                String error = null;
                if (status < 200 || status > 299) {
                    error = status >= 300 && status < 400
                            ? "redirect not followed" + location(response.getFirstHeader("Location"))
                            : "HTTP " + status
                                    + excerpt(
                                            response.getEntity() == null
                                                    ? null
                                                    : response.getEntity().getContent());
                }
                return new Result(
                        status, retryAfter(response.getFirstHeader("Retry-After")), error, millisSince(start));
            });
        } catch (EndpointGuard.RefusedAddress e) {
            return new Result(null, null, "refused: " + e.getMessage(), millisSince(start));
        } catch (IOException | RuntimeException e) {
            String why = post.isCancelled() ? "no answer within " + deadline.toSeconds() + " s" : describe(e);
            return new Result(null, null, why, millisSince(start));
        } finally {
            stop.cancel(false);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String location(@Nullable Header header) {
        return header == null ? "" : " (to " + header.getValue() + ")";
    }

    /** The start of an error answer, for the log; the rest is not read. */
    private static String excerpt(@Nullable InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        String text = new String(body.readNBytes(ERROR_BODY_CHARS * 4), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    private @Nullable Duration retryAfter(@Nullable Header header) {
        if (header == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Override
    public void destroy() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
