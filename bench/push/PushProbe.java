// Push delivery benchmark (issue 18, "Speed"). A single-file Java program run with cms-core and its
// dependencies on the class path. It boots cms-core's services (no web server) against the bench's
// PostgreSQL and Elasticsearch, as the editor app does -- with the push worker on, as every app that
// imports cms-core runs it unless cms.push.worker-enabled=false (docs/adr/0024) -- and starts partners'
// webhook endpoints inside itself on loopback:
//   - --receivers healthy receivers (JDK HttpServer, one virtual thread per request) that answer 204 and
//     note, per webhook-id, when each delivery arrived and whether its Standard Webhooks signature
//     (HMAC-SHA256 of id.timestamp.body under the subscription's secret) verifies;
//   - two dead ones: a socket that accepts connections and never answers ("hang"), and a port that
//     refuses connections ("refused").
// Subscriptions are made through the real PushSubscriptions as an admin (loopback is allowed by
// cms.push.allow-http and cms.push.allowed-networks, as the tests do); stories are published through
// the real workflow (a reporter files and submits, an editor approves, another publishes).
//
// Scenario 1, latency: --stories stories, one every --interval-ms, in four languages; for every
// (receiver, story) the time from ArticleService.publish's return (its commit) to the arrival. First
// with the healthy receivers only, then again with the two dead ones subscribed too. Target: p99 <= 1 s,
// and the dead ones do not change the healthy receivers' p99.
// Scenario 2, drain: the healthy subscriptions are paused, --drain-stories stories are published (their
// deliveries are made, held), then all are resumed at once; the time until every one of those deliveries
// is DELIVERED in push_delivery gives deliveries per second. Target: >= 500/s.
//
//   java -cp <cms-core classes and dependencies> bench/push/PushProbe.java --out bench/push/target \
//        --stories 300 --interval-ms 200 --drain-stories 1000 \
//        --spring.datasource.url=jdbc:postgresql://127.0.0.1:35432/cms --cms.search.uri=http://127.0.0.1:39200

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.CmsCoreConfiguration;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.push.IssuedSecret;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.SubscriptionId;
import news.cms.core.push.SubscriptionSettings;
import news.cms.demo.BenchTexts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
// A single-file program lives in the unnamed package; auto-configuration (Spring Modulith's too) needs a
// named one, and cms-core's is the one an app would name.
@AutoConfigurationPackage(basePackageClasses = CmsCoreConfiguration.class)
@Import(CmsCoreConfiguration.class)
public class PushProbe {

    static final Pattern URI_FIELD = Pattern.compile("\"uri\":\"urn:[^\"]*:article:([0-9a-f-]{36})\"");
    static final Pattern TYPE_FIELD = Pattern.compile("\"type\":\"([a-z.]+)\"");

    /** One delivery as a receiver heard it. */
    record Arrival(int receiver, String webhookId, String articleId, String type, long at, boolean verified) {}

    /** A partner's endpoint: answers 204 to every POST and notes what arrived. */
    static final class Endpoint implements AutoCloseable {
        final int index;
        final HttpServer server;
        final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        volatile byte[] key = new byte[0];

        Endpoint(int index) throws IOException {
            this.index = index;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/hooks", this::handle);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long at = System.nanoTime();
                String text = new String(body, StandardCharsets.UTF_8);
                String id = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id"));
                String timestamp = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
                String signatures = String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"));
                Matcher uri = URI_FIELD.matcher(text);
                Matcher type = TYPE_FIELD.matcher(text);
                arrivals.add(new Arrival(
                        index,
                        id,
                        uri.find() ? uri.group(1) : "?",
                        type.find() ? type.group(1) : "?",
                        at,
                        verifies(key, id, timestamp, text, signatures)));
                exchange.sendResponseHeaders(204, -1);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Standard Webhooks: one of the space-separated "v1,<base64>" is HMAC-SHA256(key, id.timestamp.body). */
    static boolean verifies(byte[] key, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** A dead partner that accepts connections and never answers (each held until the probe ends). */
    static final class Hanging implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final Thread acceptor = Thread.ofPlatform().daemon().name("dead-hanging").start(() -> {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });

        Hanging() throws IOException {}

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks");
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** A loopback port nobody listens on: connections are refused. */
    static URI refusingUri() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/hooks");
    }

    static ArticleService articles;
    static PushSubscriptions push;
    static JdbcClient jdbc;
    static PrintWriter csv;
    static final List<String> results = new ArrayList<>();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.out.println("the probe failed: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].contains("=")) {
                spring.add(args[i]); // --name=value: a Spring property
            } else {
                opt.put(args[i].substring(2), args[++i]);
            }
        }
        int stories = Integer.parseInt(opt.getOrDefault("stories", "300"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        long intervalMs = Long.parseLong(opt.getOrDefault("interval-ms", "200"));
        int receivers = Integer.parseInt(opt.getOrDefault("receivers", "10"));
        int drainStories = Integer.parseInt(opt.getOrDefault("drain-stories", "1000"));
        int publishers = Integer.parseInt(opt.getOrDefault("publishers", "4"));
        Path out = Path.of(opt.getOrDefault("out", "bench/push/target"));
        boolean analyze = Boolean.parseBoolean(opt.getOrDefault("analyze", "false"));
        Files.createDirectories(out);

        spring.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PushProbe.class)
                .web(WebApplicationType.NONE)
                .run(spring.toArray(String[]::new));
        articles = context.getBean(ArticleService.class);
        push = context.getBean(PushSubscriptions.class);
        // The probe's own measurements use their own connection (the bench's superuser), not the app's
        // pool, so they neither take connections from the worker nor fail when the worker holds them all.
        String url = spring.stream()
                .filter(a -> a.startsWith("--spring.datasource.url="))
                .map(a -> a.substring("--spring.datasource.url=".length()))
                .findFirst()
                .orElseThrow();
        jdbc = JdbcClient.create(new SingleConnectionDataSource(url, "postgres", "postgres", true));
        csv = new PrintWriter(Files.newBufferedWriter(out.resolve("latencies.csv")));
        csv.println("phase,receiver,article,language,latency_ms");
        long runId = System.currentTimeMillis() / 1000 % 100_000 * 10_000;

        List<Endpoint> endpoints = new ArrayList<>();
        List<SubscriptionId> healthy = new ArrayList<>();
        for (int i = 0; i < receivers; i++) {
            Endpoint e = new Endpoint(i);
            IssuedSecret issued = admin(() -> push.create(settings("Bench partner " + e.index, e.uri())));
            e.key = Base64.getDecoder().decode(issued.secret().substring("whsec_".length()));
            endpoints.add(e);
            healthy.add(issued.subscription().id());
        }
        System.out.printf("%d receivers on loopback, worker in this JVM (%s); %d cores, max heap %d MB%n",
                receivers, context.getEnvironment().getProperty("cms.push.concurrency", "4") + " in flight per subscription",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // Scenario 1a: healthy receivers only.
        Map<String, Long> committedA = new ConcurrentHashMap<>();
        List<String> countedA = publishPaced("baseline", runId, warmup, stories, intervalMs, committedA);
        double p99A = latencies("1a healthy receivers only", endpoints, countedA, committedA, null);

        // Scenario 1b: the same with two dead receivers subscribed.
        Hanging hanging = new Hanging();
        SubscriptionId hangId = admin(() -> push.create(settings("Bench dead (hangs)", hanging.uri())))
                .subscription()
                .id();
        URI refusing = refusingUri();
        SubscriptionId refusedId = admin(() -> push.create(settings("Bench dead (refuses)", refusing)))
                .subscription()
                .id();
        Map<String, Long> committedB = new ConcurrentHashMap<>();
        List<String> countedB =
                publishPaced("with dead", runId + warmup + stories, warmup, stories, intervalMs, committedB);
        double p99B = latencies("1b with a hanging and a refusing receiver", endpoints, countedB, committedB, p99A);
        System.out.printf("dead receivers: %d connections held open by the hanging one; attempts logged: %s%n",
                hanging.held.size(),
                jdbc.sql("select count(*) from push_attempt where subscription_id in (:a, :b)")
                        .param("a", hangId.value())
                        .param("b", refusedId.value())
                        .query(Long.class)
                        .single());
        for (SubscriptionId dead : List.of(hangId, refusedId)) {
            // Deleting cascades to the deliveries the worker may be recording just now: on a busy
            // machine that can outlast the apps' 1 s lock timeout, so try again, as an admin would.
            for (int attempt = 1; ; attempt++) {
                try {
                    admin(() -> {
                        push.delete(dead);
                        return null;
                    });
                    break;
                } catch (RuntimeException e) {
                    System.out.printf("deleting a dead subscription failed (attempt %d): %s%n", attempt, e.getMessage());
                    if (attempt == 10) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        }
        hanging.close();

        // Scenario 2: drain.
        if (drainStories > 0) {
            drain(endpoints, healthy, runId + 2L * (warmup + stories), drainStories, publishers, analyze);
        }

        csv.close();
        System.out.println();
        System.out.println("Summary");
        results.forEach(System.out::println);
        for (Endpoint e : endpoints) {
            e.close();
        }
        context.close();
        System.exit(results.stream().anyMatch(r -> r.endsWith("NOT met")) ? 3 : 0);
    }

    /** Publishes warmup + n stories, one every intervalMs; returns the counted ones' ids. */
    static List<String> publishPaced(
            String phase, long first, int warmup, int n, long intervalMs, Map<String, Long> committed) {
        int total = warmup + n;
        System.out.printf("%n[%s] publishing %d stories (the first %d not counted), one every %d ms%n",
                phase, total, warmup, intervalMs);
        List<String> counted = new ArrayList<>();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            long due = start + i * TimeUnit.MILLISECONDS.toNanos(intervalMs);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = publish(first + i, committed);
            if (i >= warmup) {
                counted.add(id);
            }
        }
        return counted;
    }

    static final Map<String, String> languageOf = new ConcurrentHashMap<>();

    /** Files, submits, approves and publishes one story; notes when publish returned. */
    static String publish(long n, Map<String, Long> committed) {
        ArticleContent content = BenchTexts.story(n, BenchTexts.uniqueWord(n));
        Article draft = as("bench-reporter", Role.REPORTER, () -> articles.createDraft(content));
        Article submitted = as("bench-reporter", Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
        Article approved = as("bench-editor", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
        as("bench-chief", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));
        long after = System.nanoTime();
        String id = draft.id().value().toString();
        committed.put(id, after);
        languageOf.put(id, content.language().value());
        return id;
    }

    /** Waits for every counted story at every receiver, then prints the latencies; returns overall p99 (ms). */
    static double latencies(
            String phase, List<Endpoint> endpoints, List<String> counted, Map<String, Long> committed, Double baseline)
            throws InterruptedException {
        Set<String> wanted = Set.copyOf(counted);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Endpoint e : endpoints) {
                if (e.arrivals.stream().map(Arrival::articleId).filter(wanted::contains).distinct().count()
                        < wanted.size()) {
                    all = false;
                    break;
                }
            }
            if (all) {
                break;
            }
            Thread.sleep(50);
        }
        System.out.printf("%n%s: %d stories x %d receivers%n", phase, counted.size(), endpoints.size());
        List<Long> overall = new ArrayList<>();
        int missing = 0;
        int duplicates = 0;
        int unverified = 0;
        for (Endpoint e : endpoints) {
            Map<String, Arrival> first = new HashMap<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Arrival a : e.arrivals) {
                if (!wanted.contains(a.articleId())) {
                    continue;
                }
                seen.merge(a.webhookId(), 1, Integer::sum);
                first.putIfAbsent(a.articleId(), a);
                if (!a.verified()) {
                    unverified++;
                }
                if (!a.type().equals("article.published")) {
                    System.out.println("  unexpected event " + a.type() + " at receiver " + e.index);
                }
            }
            duplicates += (int) seen.values().stream().filter(c -> c > 1).count();
            long dupStories = first.size() < seen.size() ? seen.size() - first.size() : 0;
            duplicates += (int) dupStories; // a story under two webhook-ids
            List<Long> mine = new ArrayList<>();
            for (String id : counted) {
                Arrival a = first.get(id);
                if (a == null) {
                    missing++;
                    continue;
                }
                long ns = Math.max(0, a.at() - committed.get(id));
                mine.add(ns);
                csv.printf("%s,%d,%s,%s,%.3f%n", phase.substring(0, 2), e.index, id, languageOf.get(id), ns / 1e6);
            }
            overall.addAll(mine);
            long[] s = mine.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("  receiver %2d: %4d arrived; ms p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f%n",
                    e.index, s.length, pct(s, 0.5), pct(s, 0.95), pct(s, 0.99), max(s));
        }
        long[] all = overall.stream().mapToLong(Long::longValue).sorted().toArray();
        double p99 = pct(all, 0.99);
        System.out.printf("  overall    : %4d arrived; ms p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f%n",
                all.length, pct(all, 0.5), pct(all, 0.95), p99, max(all));
        System.out.printf("  missing %d, arrived more than once %d, signature not verified %d%n",
                missing, duplicates, unverified);
        String tag = phase.substring(0, 2);
        results.add(String.format("RESULT push %s: every delivery arrived once, signed: %s", tag,
                missing == 0 && duplicates == 0 && unverified == 0 ? "met" : "NOT met"));
        results.add(String.format("RESULT push %s publish->delivered p99=%.0f ms, target <= 1000 ms: %s",
                tag, p99, missing == 0 && p99 <= 1000 ? "met" : "NOT met"));
        if (baseline != null) {
            // "Not changing the others' p99": within 25 % (+50 ms for timer noise) of the healthy-only run's.
            double allowed = baseline * 1.25 + 50;
            results.add(String.format(
                    "RESULT push dead receivers change healthy p99 %.0f -> %.0f ms (allowed <= %.0f ms): %s",
                    baseline, p99, allowed, p99 <= allowed ? "met" : "NOT met"));
        }
        return p99;
    }

    static void drain(
            List<Endpoint> endpoints, List<SubscriptionId> healthy, long first, int n, int publishers, boolean analyze)
            throws Exception {
        int expected = n * healthy.size();
        long marker = jdbc.sql("select coalesce(max(sequence), 0) from push_delivery").query(Long.class).single();
        admin(() -> {
            healthy.forEach(push::pause);
            return null;
        });
        System.out.printf("%n[drain] subscriptions paused; publishing %d stories with %d publishers ...%n",
                n, publishers);
        Map<String, Long> committed = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long p0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(publishers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < publishers; t++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        publish(first + i, committed);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long queued = count(marker, null);
        System.out.printf("[drain] %d stories published in %.1f s; %d deliveries queued (expected %d)%n",
                n, (System.nanoTime() - p0) / 1e9, queued, expected);
        Set<String> wanted = committed.keySet();
        if (analyze) {
            // Fresh planner statistics (autovacuum would take them later): to tell a plan made on an
            // empty table's estimates from the worker's own cost.
            jdbc.sql("analyze push_delivery").update();
            System.out.println("[drain] push_delivery analyzed before resuming");
        }

        // The plan PostgreSQL picks now for the worker's look-up of due work (a copy of
        // DeliveryRepository.dueSubscriptions' SQL, without the state filter the paused subscriptions
        // would fail), timed once: this query runs at every poll and every wake.
        String due = "select distinct f.subscription_id from ("
                + " select distinct on (e.subscription_id, e.article_id) e.subscription_id, e.next_attempt_at,"
                + " e.lease_until from push_delivery e where e.status = 'PENDING'"
                + " and e.subscription_id = any(array(select s.id from push_subscription s))"
                + " order by e.subscription_id, e.article_id, e.sequence) f"
                + " where f.next_attempt_at <= now() and (f.lease_until is null or f.lease_until <= now())";
        System.out.println("[drain] plan of the due-work look-up with " + queued + " pending:");
        jdbc.sql("explain (analyze, costs off, timing off, summary on) " + due)
                .query((rs, i) -> rs.getString(1))
                .list()
                .forEach(line -> System.out.println("[drain]   " + line));

        long t0 = System.nanoTime();
        admin(() -> {
            healthy.forEach(push::resume);
            return null;
        });
        long deadline = t0 + TimeUnit.SECONDS.toNanos(Math.max(120, expected / 50));
        long delivered = 0;
        long lastPrint = t0;
        while (System.nanoTime() < deadline && (delivered = count(marker, "DELIVERED")) < expected) {
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(2)) {
                lastPrint = System.nanoTime();
                // Exactly the worker's statement, with its bind parameters (DeliveryRepository.dueSubscriptions).
                java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
                List<String> plan = jdbc.sql("explain (analyze, costs off, timing off, summary on)"
                                + " select distinct f.subscription_id from ("
                                + " select distinct on (e.subscription_id, e.article_id) e.subscription_id,"
                                + " e.next_attempt_at, e.lease_until from push_delivery e where e.status = 'PENDING'"
                                + " and e.subscription_id = any(array(select s.id from push_subscription s"
                                + " where s.state = 'ACTIVE' and (:ninjs or s.payload = 'NOTICE')))"
                                + " order by e.subscription_id, e.article_id, e.sequence) f"
                                + " where f.next_attempt_at <= :now and (f.lease_until is null or f.lease_until <= :now)")
                        .param("now", now)
                        .param("ninjs", false)
                        .query((rs, i) -> rs.getString(1))
                        .list();
                System.out.printf("[drain] %.1f s: %d delivered; the due-work look-up now: %s, %s%n",
                        (lastPrint - t0) / 1e9, delivered, plan.getLast().strip(),
                        plan.stream().filter(l -> l.contains("Join") || l.contains("Scan on push_delivery") || l.contains("Sort ("))
                                .map(String::strip).toList());
            }
            Thread.sleep(20);
        }
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        double rate = delivered / seconds;
        // The receivers' view: first to last arrival of the drained deliveries.
        long firstArrival = Long.MAX_VALUE;
        long lastArrival = 0;
        int arrived = 0;
        Set<String> ids = new java.util.HashSet<>();
        int duplicates = 0;
        int unverified = 0;
        for (Endpoint e : endpoints) {
            for (Arrival a : e.arrivals) {
                if (wanted.contains(a.articleId())) {
                    arrived++;
                    firstArrival = Math.min(firstArrival, a.at());
                    lastArrival = Math.max(lastArrival, a.at());
                    if (!ids.add(e.index + "/" + a.webhookId())) {
                        duplicates++;
                    }
                    if (!a.verified()) {
                        unverified++;
                    }
                }
            }
        }
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("select status, count(*) from push_delivery where sequence > :m group by status")
                .param("m", marker)
                .query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2)))
                .list();
        long attempts = jdbc.sql("select count(*) from push_attempt a join push_delivery d on d.id = a.delivery_id"
                        + " where d.sequence > :m")
                .param("m", marker)
                .query(Long.class)
                .single();
        System.out.printf("[drain] %d of %d DELIVERED %.2f s after resume: %.0f deliveries/s"
                        + " (receivers: %d arrived, first to last %.2f s; %d attempts; by status %s)%n",
                delivered, expected, seconds, rate, arrived,
                arrived == 0 ? 0 : (lastArrival - firstArrival) / 1e9, attempts, byStatus);
        System.out.printf("[drain] arrived more than once %d, signature not verified %d%n", duplicates, unverified);
        // The endpoints' share of the time: what the worker logged as each attempt's latency.
        jdbc.sql("select avg(a.latency_ms), percentile_cont(0.99) within group (order by a.latency_ms),"
                        + " max(a.latency_ms) from push_attempt a join push_delivery d on d.id = a.delivery_id"
                        + " where d.sequence > :m")
                .param("m", marker)
                .query((rs, i) -> {
                    System.out.printf("[drain] endpoint answer as the worker timed it: ms mean %.1f  p99 %.0f  max %d%n",
                            rs.getDouble(1), rs.getDouble(2), rs.getLong(3));
                    return null;
                })
                .list();
        results.add(String.format("RESULT push drain of %d queued deliveries: %.0f/s, target >= 500/s: %s",
                expected, rate, delivered == expected && rate >= 500 ? "met" : "NOT met"));
        results.add(String.format("RESULT push drain: every delivery arrived once, signed: %s",
                arrived == expected && duplicates == 0 && unverified == 0 ? "met" : "NOT met"));
    }

    static long count(long marker, String status) {
        return jdbc.sql("select count(*) from push_delivery where sequence > :m"
                        + (status == null ? "" : " and status = :s"))
                .param("m", marker)
                .params(status == null ? Map.of() : Map.of("s", status))
                .query(Long.class)
                .single();
    }

    static SubscriptionSettings settings(String name, URI endpoint) {
        return new SubscriptionSettings(
                name, endpoint, EnumSet.allOf(PushEvent.class), Set.of(), Set.of(), PayloadForm.NOTICE);
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }

    static <T> T admin(Supplier<T> action) {
        return as("bench-admin", Role.ADMIN, action);
    }

    static <T> T as(String user, Role role, Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user, null, AuthorityUtils.createAuthorityList(role.authority())));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
