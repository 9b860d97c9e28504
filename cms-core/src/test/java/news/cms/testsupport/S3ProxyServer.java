package news.cms.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.internal.MediaStoreConfiguration;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy with its in-memory blob store, run as a child JVM
 * from {@code cms-core/target/s3proxy/s3proxy.jar} (copied there by the build), so its own Jetty,
 * Guava and Jackson never meet ours. {@link #stop()} makes the store "down" for outage tests.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "cms-test-access";
    public static final String SECRET_KEY = "cms-test-secret-not-a-real-one";

    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3ProxyServer start() {
        Path root =
                Path.of(System.getProperty("cms.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("cms-core/target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build cms-core (generate-test-resources copies it)");
        }
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("s3proxy-");
            Path config = dir.resolve("s3proxy.properties");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + ACCESS_KEY,
                            "s3proxy.credential=" + SECRET_KEY,
                            "jclouds.provider=transient",
                            "jclouds.identity=" + ACCESS_KEY,
                            "jclouds.credential=" + SECRET_KEY,
                            ""));
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            List.of(java, "-Xmx128m", "-jar", jar.toString(), "--properties", config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            S3ProxyServer server = new S3ProxyServer(process, port);
            Awaitility.await("S3Proxy on port " + port)
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Proxy exited; see " + dir.resolve("s3proxy.log"));
                        }
                        return accepts(port);
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The app's S3 settings for this server, as {@code cms.media.*}. */
    public MediaProperties.S3 settings(String bucket) {
        return new MediaProperties.S3(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true);
    }

    /** A client of this server, as the app makes one. */
    public S3Client client(String bucket) {
        return MediaStoreConfiguration.s3Client(settings(bucket));
    }

    /** Makes the bucket, and has a test's app store its media there ({@code cms.media.store=s3}). */
    public void serve(String bucket, DynamicPropertyRegistry registry) {
        try (S3Client s3 = client(bucket)) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        registry.add("cms.media.s3.endpoint", () -> endpoint().toString());
        registry.add("cms.media.s3.bucket", () -> bucket);
        registry.add("cms.media.s3.access-key", () -> ACCESS_KEY);
        registry.add("cms.media.s3.secret-key", () -> SECRET_KEY);
    }

    /** Stops the server: the store is down from now on. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
