package news.cms.searchnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.transport.TransportService;

/**
 * Starts one real Elasticsearch node from the jars of the distribution folder, bound to 127.0.0.1
 * only, with the modules under {@code <home>/modules} (netty transport, our analysis plugin).
 *
 * <p>Settings come from {@code --name=value} arguments or else {@code cms.search-node.<name>} system
 * properties: {@code home} (the distribution folder, default: the working directory), {@code data}
 * (default {@code <home>/data}), {@code http-port} (default 9200, 0 for any free port),
 * {@code transport-port} (default 0), {@code cluster-name} (default {@code cms}), {@code watch-stdin}
 * (default true), {@code delete-data-on-exit} (default false: for throw-away test data), {@code log-level}
 * (default WARN).
 *
 * <p>Once the node serves requests it prints one line: {@value #READY} followed by the HTTP address,
 * e.g. {@code CMS-SEARCH-NODE-READY http://127.0.0.1:41234}. The node stops on SIGTERM and, when
 * {@code watch-stdin} is on, when its standard input ends: the parent that started it holds that
 * pipe, so when the parent dies (even by kill -9) the node follows instead of staying an orphan.
 */
public final class SearchNodeMain {

    public static final String READY = "CMS-SEARCH-NODE-READY";

    private static final AtomicReference<Node> NODE = new AtomicReference<>();
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    private static final AtomicReference<Path> DELETE_ON_EXIT = new AtomicReference<>();

    private SearchNodeMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Map<String, String> options = options(args);
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath().normalize();
        Path data = Path.of(options.getOrDefault("data", home.resolve("data").toString()))
                .toAbsolutePath()
                .normalize();
        String httpPort = port(options.getOrDefault("http-port", "9200"), "http-port");
        String transportPort = port(options.getOrDefault("transport-port", "0"), "transport-port");
        String clusterName = options.getOrDefault("cluster-name", "cms");

        if (Boolean.parseBoolean(options.getOrDefault("delete-data-on-exit", "false"))) {
            DELETE_ON_EXIT.set(data);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SearchNodeMain::stop, "cms-search-node-stop"));
        if (Boolean.parseBoolean(options.getOrDefault("watch-stdin", "true"))) {
            watchStdin(System.in);
        }
        try {
            if (!Files.isDirectory(home.resolve("modules"))) {
                throw new IllegalArgumentException("no modules folder in " + home + ": is home the distribution?");
            }
            Files.createDirectories(data);
            Settings settings = Settings.builder()
                    .put("path.home", home.toString())
                    .put("path.data", data.toString())
                    .put("path.logs", data.resolve("logs").toString())
                    .put("cluster.name", clusterName)
                    .put("node.name", "cms-search-node")
                    .put("discovery.type", "single-node")
                    .put("network.host", "127.0.0.1")
                    .put("http.port", httpPort)
                    .put("transport.port", transportPort)
                    // test and dev machines run with full disks more often than servers
                    .put("cluster.routing.allocation.disk.threshold_enabled", false)
                    // Our indices are made explicitly behind an alias: a stray write must not make one
                    .put("action.auto_create_index", false)
                    .put("logger.level", options.getOrDefault("log-level", "WARN"))
                    .build();
            LogConfigurator.configureESLogging();
            LogConfigurator.configureWithoutConfig(settings);

            var modules = PluginsLoader.loadModulesBundles(home.resolve("modules"), false);
            var plugins = PluginsLoader.createPluginsLoader(modules, Set.of(), Map.of());
            Node node = new Node(new Environment(settings, home.resolve("config")), plugins);
            NODE.set(node);
            node.start();

            int port = node.injector()
                    .getInstance(HttpServerTransport.class)
                    .boundAddress()
                    .publishAddress()
                    .getPort();
            int transport = node.injector()
                    .getInstance(TransportService.class)
                    .boundAddress()
                    .publishAddress()
                    .getPort();
            out.println(READY + " http://127.0.0.1:" + port + " transport=" + transport + " pid="
                    + ProcessHandle.current().pid());
            out.flush();
        } catch (Throwable e) {
            System.err.println("CMS-SEARCH-NODE-FAILED " + e);
            e.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(exitAfterStop(1));
        }
        // Elasticsearch runs on daemon threads only: this non-daemon main thread keeps the JVM alive.
        try {
            STOPPED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the node if running; any failure here cannot be reported anywhere useful. */
    private static void stop() {
        STOPPED.countDown();
        Node node = NODE.getAndSet(null);
        if (node != null) {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(10, TimeUnit.SECONDS);
            } catch (IOException | RuntimeException e) {
                System.err.println("stopping the search node failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Path data = DELETE_ON_EXIT.getAndSet(null);
        if (data != null) {
            deleteRecursively(data);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    private static int exitAfterStop(int status) {
        stop();
        return status;
    }

    /** The orphan guard: the end of stdin means the parent is gone. */
    private static void watchStdin(InputStream in) {
        Thread watcher = new Thread(
                () -> {
                    byte[] buffer = new byte[256];
                    try {
                        while (in.read(buffer) >= 0) {
                            // the parent never writes; anything it does is ignored
                        }
                    } catch (IOException e) {
                        // a broken pipe means the same as the end of it
                    }
                    haltLater();
                    System.exit(0); // runs the shutdown hook, which closes the node
                },
                "cms-search-node-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Makes sure the JVM ends even if closing the node hangs. */
    private static void haltLater() {
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(20_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().halt(2);
                },
                "cms-search-node-halt");
        halter.setDaemon(true);
        halter.start();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String name :
                new String[] {"home", "data", "http-port", "transport-port", "cluster-name", "watch-stdin", "log-level"
                }) {
            String value = System.getProperty("cms.search-node." + name);
            if (value != null) {
                options.put(name, value);
            }
        }
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments look like --name=value, not " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String port(String value, String name) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return Integer.toString(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number or 0, not " + value);
        }
    }
}
