// The fault suite's load driver and checker (bench/faults/run.sh starts it once per scenario).
// A single-file Java program run with cms-core and its dependencies on the class path. It:
//   1. boots cms-core's services (no web server) against the suite's PostgreSQL and Elasticsearch, as
//      the editor app runs them, and issues the editors' commands through ArticleService (prepare,
//      publish, schedule, kill) -- the editor is a Vaadin UI with no HTTP API to drive;
//   2. drives readers, partners and commenters through the real apps' HTTP APIs (cms-public-api with a
//      partner key, cms-moderation's comment intake) on virtual threads;
//   3. injects the scenario's faults by running bench/faults/inject.sh (signals, stop/start, restart);
//   4. records every operation -- its start and end, method, path, status, latency and the story ids the
//      answer served -- to a history file, one tab-separated line each;
//   5. then checks invariants over the recorded history and the system's final state (Jepsen-style),
//      prints the scenario's figures and exits 1 on any violation.
//
//   java -cp <cms-demo and cms-core classes and dependencies> bench/faults/FaultSuite.java <scenario> \
//        --out DIR --api URL --mgmt URL --moderation URL --editor URL --key-file K [--publishes 1000] ...
//        --spring.datasource.url=... --cms.search.uri=...
//   java ... bench/faults/FaultSuite.java check --out DIR ...   (checks a recorded history again)
//
// Scenarios: search-freeze, db-freeze, db-restart, app-kill (see bench/faults/README.md).

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.CmsCoreConfiguration;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.demo.BenchTexts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
// A single-file program lives in the unnamed package; auto-configuration needs a named one.
@AutoConfigurationPackage(basePackageClasses = CmsCoreConfiguration.class)
@Import(CmsCoreConfiguration.class)
public class FaultSuite {

    static final Pattern UUID_RE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern NEXT = Pattern.compile("\"next\":\"([A-Za-z0-9_-]+)\"");
    static final Pattern ENTRY = Pattern.compile(
            "\"sequence\":([0-9]+),\"action\":\"([a-z-]+)\",\"uri\":\"urn:[^\"]*:article:([0-9a-f-]{36})\",\"version\":([0-9]+)");
    static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    // ---- options ---------------------------------------------------------------------------------

    static Map<String, String> opt = new HashMap<>();

    static String opt(String name, String fallback) {
        return opt.getOrDefault(name, fallback);
    }

    static int intOpt(String name, int fallback) {
        return Integer.parseInt(opt(name, Integer.toString(fallback)));
    }

    // ---- the history -----------------------------------------------------------------------------

    /**
     * One operation as the history holds it. Times are milliseconds since the run's origin (the
     * driver's nanoTime at start); {@code end} is -1 while the answer has not come. {@code status} is the
     * HTTP status, 0 for a transport error or a client time-out (see {@code note}), 1 for a command
     * that succeeded and -1 for one that failed. {@code ids} are the run's story ids that the answer
     * served (a hit, an item, an article), {@code extra} a receipt, a content type, a version.
     */
    record Op(
            String proc,
            String method,
            String path,
            double start,
            double end,
            int status,
            String article,
            String ids,
            String extra,
            String note) {

        double latency() {
            return end - start;
        }

        String line() {
            return String.join(
                    "\t",
                    proc,
                    method,
                    path,
                    String.format("%.1f", start),
                    String.format("%.1f", end),
                    Integer.toString(status),
                    article,
                    ids,
                    extra,
                    note.replace('\t', ' ').replace('\n', ' '));
        }

        static Op parse(String line) {
            String[] f = line.split("\t", -1);
            return new Op(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), Integer.parseInt(f[5]), f[6], f[7], f[8], f[9]);
        }
    }

    static final long ORIGIN = System.nanoTime();
    static final long ORIGIN_EPOCH_MS = System.currentTimeMillis();

    static double now() {
        return (System.nanoTime() - ORIGIN) / 1e6;
    }

    static final class History {
        final BufferedWriter out;
        final List<Op> ops = new CopyOnWriteArrayList<>();
        final AtomicLong inFlight = new AtomicLong();

        History(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write("# origin " + Instant.ofEpochMilli(ORIGIN_EPOCH_MS) + "\n");
            out.write("# proc\tmethod\tpath\tstart_ms\tend_ms\tstatus\tarticle\tids\textra\tnote\n");
            out.flush();
        }

        synchronized void add(Op op) {
            ops.add(op);
            try {
                out.write(op.line());
                out.write('\n');
                out.flush(); // the history survives the driver
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
    }

    static History history;

    // ---- the system under test ------------------------------------------------------------------

    static String api;
    static String mgmt;
    static String moderation;
    static String editor;
    /** The Vaadin apps' health lives on their management ports (ADR 0017), not beside the UI. */
    static String moderationMgmt;
    static String editorMgmt;
    static String key;
    static HttpClient http;
    static long hardTimeoutMs;

    /** A story of this run: its id, language, the word only it has, and its latest version. */
    static final class Story {
        final String id;
        final String lang;
        final String word;
        volatile long version;
        volatile boolean published;
        volatile boolean killed;

        Story(Article a, String word) {
            this.id = a.id().value().toString();
            this.lang = a.content().language().value();
            this.word = word;
            this.version = a.version();
        }
    }

    static final Map<String, Story> stories = new ConcurrentHashMap<>();
    static final List<Story> live = new CopyOnWriteArrayList<>(); // published, readers pick from these
    static final Set<String> victims = ConcurrentHashMap.newKeySet(); // stories this scenario kills

    static ArticleService articles;
    static TransactionTemplate transactions;
    static JdbcTemplate jdbc;
    static long runId;

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].contains("=")) {
                spring.add(args[i]);
            } else {
                opt.put(args[i].substring(2), args[++i]);
            }
        }
        Path out = Path.of(opt("out", "bench/faults/target/" + scenario));
        Files.createDirectories(out);
        api = opt("api", "http://127.0.0.1:26081");
        mgmt = opt("mgmt", "http://127.0.0.1:26091");
        moderation = opt("moderation", "http://127.0.0.1:26082");
        editor = opt("editor", "http://127.0.0.1:26080");
        moderationMgmt = opt("moderation-mgmt", "http://127.0.0.1:26092");
        editorMgmt = opt("editor-mgmt", "http://127.0.0.1:26090");
        key = Files.readString(Path.of(opt("key-file", "bench/faults/target/key"))).strip();
        hardTimeoutMs = intOpt("hard-timeout-ms", 35_000);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();

        spring.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FaultSuite.class)
                .web(WebApplicationType.NONE)
                .run(spring.toArray(String[]::new));
        articles = context.getBean(ArticleService.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        jdbc = context.getBean(JdbcTemplate.class);
        runId = System.currentTimeMillis() / 1000 % 100_000 * 10_000;

        int violations;
        if (scenario.equals("check")) {
            violations = Checker.check(out, readHistory(out.resolve("history.tsv")), null);
        } else {
            history = new History(out.resolve("history.tsv"));
            Figures figures = new Figures();
            switch (scenario) {
                case "search-freeze" -> searchFreeze(figures);
                case "db-freeze" -> dbFreeze(figures, false);
                case "db-restart" -> dbFreeze(figures, true);
                case "app-kill" -> appKill(figures);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario);
            }
            writeStories(out.resolve("stories.tsv"));
            violations = Checker.check(out, history.ops, figures);
        }
        context.close();
        System.exit(violations == 0 ? 0 : 1);
    }

    static List<Op> readHistory(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                ops.add(Op.parse(line));
            }
        }
        // The stories come back from stories.tsv.
        for (String line : Files.readAllLines(file.resolveSibling("stories.tsv"))) {
            String[] f = line.split("\t");
            Story s = new Story(
                    articles.find(new ArticleId(java.util.UUID.fromString(f[0]))).orElseThrow(), f[2]);
            s.published = Boolean.parseBoolean(f[3]);
            s.killed = Boolean.parseBoolean(f[4]);
            stories.put(s.id, s);
            if (Boolean.parseBoolean(f[5])) {
                victims.add(s.id);
            }
        }
        return ops;
    }

    static void writeStories(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Story s : stories.values()) {
            lines.add(String.join("\t", s.id, s.lang, s.word, Boolean.toString(s.published), Boolean.toString(s.killed),
                    Boolean.toString(victims.contains(s.id))));
        }
        Files.write(file, lines);
    }

    /** What a scenario measured beyond the history: catch-up time, the fault windows. */
    static final class Figures {
        final Map<String, String> lines = new LinkedHashMap<>();
        final List<double[]> faultWindows = new ArrayList<>(); // [start, end] ms: a dependency was down
        final Map<String, double[]> appDown = new HashMap<>(); // app name -> [killed, up again]
        final Set<String> dependenciesDown = new HashSet<>(); // "db", "search"
        Set<String> catchUp = Set.of(); // stories whose search catch-up is timed
        double catchUpFrom = -1;
        final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    }

    // ---- scenarios --------------------------------------------------------------------------------

    /** Search engine frozen (SIGSTOP) while 1,000 stories are published; SIGCONT; time until all are searchable. */
    static void searchFreeze(Figures f) throws Exception {
        int n = intOpt("publishes", 1000);
        int freezeMin = intOpt("freeze-seconds", 20);
        log("preparing %d approved stories and 6 published ones (3 to be killed) ...", n);
        List<Story> pending = prepare(n);
        List<Story> early = prepare(6);
        for (Story s : early) {
            publish(s);
        }
        early.subList(0, 3).forEach(s -> victims.add(s.id));
        Readers readers = Readers.start(intOpt("readers", 4));
        sleep(5_000);
        double down = now();
        inject("freeze-search");
        log("search frozen; publishing %d stories through ArticleService ...", n);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < pending.size(); i++) {
            Story s = pending.get(i);
            pool.submit(() -> publish(s));
            if (i == pending.size() / 2) {
                pool.submit(() -> early.subList(0, 3).forEach(FaultSuite::kill));
            }
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        long left = (long) (down + freezeMin * 1000 - now());
        if (left > 0) {
            sleep(left);
        }
        double up = now();
        inject("thaw-search");
        f.faultWindows.add(new double[] {down, up});
        f.dependenciesDown.add("search");
        f.lines.put("search frozen for", String.format("%.1f s, %d publishes during the freeze", (up - down) / 1000, n));
        f.catchUp = new HashSet<>();
        for (Story s : pending) {
            if (s.published) {
                f.catchUp.add(s.id);
            }
        }
        f.catchUpFrom = up;
        waitSearchable(f, f.catchUp, up, intOpt("catchup-seconds", 60) * 2);
        sleep(3_000);
        readers.stop();
    }

    /** PostgreSQL frozen (SIGSTOP of the postmaster and its backends), or crashed and started again. */
    static void dbFreeze(Figures f, boolean restart) throws Exception {
        int freeze = intOpt("freeze-seconds", 20);
        List<Story> before = prepare(20);
        for (Story s : before) {
            publish(s);
        }
        List<Story> during = prepare(10);
        List<Story> after = prepare(10);
        before.subList(0, 3).forEach(s -> victims.add(s.id));
        Readers readers = Readers.start(intOpt("readers", 4));
        sleep(5_000); // the readers warm the apps' caches with the victims
        double down = now();
        inject(restart ? "crash-db" : "freeze-db");
        // Commands during the fault: the editor keeps working (they fail or wait).
        Thread commands = Thread.ofVirtual().start(() -> {
            for (Story s : during) {
                publish(s);
            }
        });
        if (restart) {
            sleep(intOpt("down-seconds", 5) * 1000L);
            inject("start-db");
        } else {
            sleep(freeze * 1000L);
            inject("thaw-db");
        }
        double up = now();
        f.faultWindows.add(new double[] {down, up});
        f.dependenciesDown.add("db");
        f.lines.put(restart ? "database down (immediate stop, then start)" : "database frozen for", String.format("%.1f s", (up - down) / 1000));
        commands.join(TimeUnit.SECONDS.toMillis(120));
        sleep(3_000);
        // After the fault: kill the victims (cached before it) and publish more; change notices must
        // reach the apps again (a restarted database dropped their LISTEN connections).
        for (Story s : before.subList(0, 3)) {
            kill(s);
        }
        for (Story s : after) {
            publish(s);
        }
        sleep(10_000);
        readers.stop();
        Set<String> all = new HashSet<>();
        for (Story s : stories.values()) {
            if (s.published && !s.killed) {
                all.add(s.id);
            }
        }
        waitSearchable(f, all, now(), intOpt("catchup-seconds", 60));
    }

    /**
     * The editor app (where the scheduler runs) is SIGKILLed while scheduled stories go live, and the
     * moderation app while comments arrive; both start again.
     */
    static void appKill(Figures f) throws Exception {
        int count = intOpt("scheduled", 60);
        List<Story> early = prepare(8);
        for (Story s : early) {
            publish(s);
        }
        early.subList(0, 3).forEach(s -> victims.add(s.id));
        List<Story> toSchedule = prepare(count);
        Instant first = Instant.now().plusSeconds(10);
        for (int i = 0; i < toSchedule.size(); i++) {
            Story s = toSchedule.get(i);
            schedule(s, first.plusMillis(250L * i));
            f.scheduled.add(s.id);
        }
        Readers readers = Readers.start(intOpt("readers", 4), 10, 5);
        sleep(15_000); // a third of the scheduled stories are live by now; the scheduler is busy
        double k1 = now();
        inject("kill-editor");
        sleep(2_000);
        double k2 = now();
        inject("kill-moderation");
        sleep(1_000);
        inject("start-editor");
        inject("start-moderation");
        for (Story s : early.subList(0, 3)) {
            kill(s);
        }
        double e = waitUp("editor", editorMgmt + "/actuator/health", 240);
        double m = waitUp("moderation", moderationMgmt + "/actuator/health", 240);
        f.appDown.put("cms-editor-ui", new double[] {k1, e});
        f.appDown.put("cms-moderation", new double[] {k2, m});
        f.lines.put("cms-editor-ui SIGKILLed, up again after", String.format("%.1f s", (e - k1) / 1000));
        f.lines.put("cms-moderation SIGKILLed, up again after", String.format("%.1f s", (m - k2) / 1000));
        // Every scheduled story is live (the scheduler of the restarted app) before the readers stop.
        double until = now() + 120_000;
        while (now() < until) {
            Integer due = jdbc.queryForObject(
                    "select count(*) from article where state = 'SCHEDULED' and id = any(?::uuid[])",
                    Integer.class, (Object) f.scheduled.toArray(String[]::new));
            if (due == 0) {
                break;
            }
            sleep(1_000);
        }
        for (String id : f.scheduled) {
            Story s = stories.get(id);
            s.published = true;
            live.add(s);
        }
        sleep(5_000);
        readers.stop();
        Set<String> all = new HashSet<>();
        for (Story s : stories.values()) {
            if (s.published && !s.killed) {
                all.add(s.id);
            }
        }
        waitSearchable(f, all, now(), intOpt("catchup-seconds", 60));
    }

    static double waitUp(String name, String url, int seconds) {
        double until = now() + seconds * 1000.0;
        while (now() < until) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    log("%s is up", name);
                    return now();
                }
            } catch (Exception ignored) {
                // not yet listening
            }
            sleep(1_000);
        }
        log("%s did not come up in %d s", name, seconds);
        return now();
    }

    /**
     * Polls the public API's search for each story's word until every one is found or {@code seconds}
     * pass; records each search in the history (as the "catchup" process).
     */
    static void waitSearchable(Figures f, Set<String> ids, double from, int seconds) throws Exception {
        Set<String> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(ids);
        double until = from + seconds * 1000.0;
        Semaphore parallel = new Semaphore(4);
        log("waiting for %d stories to be searchable ...", pending.size());
        while (!pending.isEmpty() && now() < until) {
            List<Thread> round = new ArrayList<>();
            for (String id : List.copyOf(pending)) {
                Story s = stories.get(id);
                parallel.acquireUninterruptibly();
                round.add(Thread.ofVirtual().start(() -> {
                    try {
                        Op op = get("catchup", api + "/v1/search?q=" + s.word + "&lang=" + s.lang, s.id, true);
                        if (op.status() == 200 && op.ids().contains(s.id)) {
                            pending.remove(s.id);
                        }
                    } finally {
                        parallel.release();
                    }
                }));
            }
            for (Thread t : round) {
                t.join();
            }
            if (!pending.isEmpty()) {
                sleep(500);
            }
        }
        double done = now();
        f.lines.put("searchable afterwards", String.format("%d of %d stories (%d never found within %d s)",
                ids.size() - pending.size(), ids.size(), pending.size(), seconds));
        if (f.catchUpFrom >= 0 && f.catchUp == ids) {
            f.lines.put("catch-up time", pending.isEmpty() ? String.format("%.1f s", (done - from) / 1000) : "not caught up");
            f.lines.put("catch-up seconds", pending.isEmpty() ? String.format("%.1f", (done - from) / 1000) : "inf");
        }
        f.lines.put("never searchable", String.join(",", pending));
    }

    // ---- the editor's commands (cms-core services, as the editor app runs them) -------------------

    /** Creates, submits and approves {@code n} stories, 50 per transaction (setup, not measured). */
    static List<Story> prepare(int n) {
        List<Story> out = new ArrayList<>();
        for (int start = 0; start < n; start += 50) {
            int size = Math.min(n, start + 50) - start;
            List<Story> batch = as("fault-reporter", Role.EDITOR, () -> transactions.execute(tx -> {
                List<Story> b = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    long seq = runId + stories.size() + out.size() + i;
                    String word = BenchTexts.uniqueWord(seq);
                    ArticleContent content = BenchTexts.story(seq, word);
                    Article draft = articles.createDraft(content);
                    Article submitted = articles.submit(draft.id(), draft.version());
                    b.add(new Story(submitted, word));
                }
                return b;
            }));
            as("fault-editor", Role.EDITOR, () -> transactions.execute(tx -> {
                for (Story s : batch) {
                    s.version = articles.approve(id(s), s.version).version();
                }
                return null;
            }));
            out.addAll(batch);
        }
        out.forEach(s -> stories.put(s.id, s));
        return out;
    }

    static ArticleId id(Story s) {
        return new ArticleId(java.util.UUID.fromString(s.id));
    }

    static void publish(Story s) {
        command("publish", s, () -> {
            Article a = articles.publish(id(s), s.version);
            s.version = a.version();
            s.published = true;
            live.add(s);
            return "public-version=" + a.publicVersion();
        });
    }

    static void kill(Story s) {
        command("kill", s, () -> {
            Article a = articles.kill(id(s), s.version, "Fault suite: withdrawn for legal reasons");
            s.version = a.version();
            s.killed = true;
            return "public-version=" + a.publicVersion();
        });
    }

    static void schedule(Story s, Instant at) {
        command("schedule", s, () -> {
            Article a = articles.schedule(id(s), s.version, at);
            s.version = a.version();
            return "at=" + at;
        });
    }

    /** One command, recorded: ok (status 1) when its transaction committed, fail (-1) with the error. */
    static void command(String name, Story s, Supplier<String> body) {
        double start = now();
        try {
            String extra = as("fault-chief", Role.EDITOR, body);
            history.add(new Op("editor", "CMD", name, start, now(), 1, s.id, "", extra, ""));
        } catch (RuntimeException e) {
            history.add(new Op("editor", "CMD", name, start, now(), -1, s.id, "", "", e.toString()));
        }
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

    // ---- faults -----------------------------------------------------------------------------------

    static void inject(String action) {
        double start = now();
        int rc;
        try {
            Process p = new ProcessBuilder("bash", opt("inject", "bench/faults/inject.sh"), action)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(opt("out", ".")).resolve("inject.log").toFile()))
                    .start();
            rc = p.waitFor();
        } catch (Exception e) {
            rc = -1;
        }
        history.add(new Op("nemesis", "FAULT", action, start, now(), rc == 0 ? 1 : -1, "", "", "", ""));
        log("fault: %s (%s)", action, rc == 0 ? "done" : "FAILED, see inject.log");
    }

    // ---- readers: partners, readers and commenters through the apps' HTTP APIs --------------------

    /**
     * Open-model load: each loop sends its next request on schedule, on a virtual thread of its own,
     * whatever the previous one is doing, so that a hanging dependency shows as many slow answers
     * rather than as a loop that stopped asking (at most 200 requests in flight).
     */
    static final class Readers {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        final Semaphore inFlight = new Semaphore(200);
        final List<Thread> requests = new CopyOnWriteArrayList<>();

        static Readers start(int count) {
            return start(count, 10, 0);
        }

        /**
         * {@code count} loops sending {@code perSecond} requests a second in all (reads, searches,
         * feeds, health, a comment now and then), a partner following the feed, and {@code commentsPerSecond}
         * more comments.
         */
        static Readers start(int count, int perSecond, int commentsPerSecond) {
            Readers r = new Readers();
            long pauseMs = Math.max(5, 1000L * count / perSecond);
            for (int i = 0; i < count; i++) {
                int n = i;
                r.threads.add(Thread.ofVirtual().start(() -> r.loop(n, pauseMs)));
            }
            if (commentsPerSecond > 0) {
                r.threads.add(Thread.ofVirtual().start(() -> r.commenter(1000L / commentsPerSecond)));
            }
            r.threads.add(Thread.ofVirtual().start(r::partner));
            return r;
        }

        void async(Runnable request) {
            inFlight.acquireUninterruptibly();
            requests.add(Thread.ofVirtual().start(() -> {
                try {
                    request.run();
                } finally {
                    inFlight.release();
                }
            }));
        }

        void loop(int n, long pauseMs) {
            SplittableRandom random = new SplittableRandom(n * 7919L + runId);
            int i = 0;
            while (running.get()) {
                Story s = pick(random);
                int kind = i++ % 10;
                if (s == null) {
                    kind = 9;
                }
                switch (kind) {
                    case 0, 1, 2 -> async(() -> get("reader", api + "/v1/articles/" + s.id, s.id, false));
                    case 3, 4 -> async(() -> get("reader", api + "/v1/search?q=" + s.word + "&lang=" + s.lang, s.id, false));
                    case 5 -> async(() -> get("reader", api + "/v1/feed.json", "", false));
                    case 6 -> async(() -> get("reader", api + "/v1/feed.atom", "", false));
                    case 7 -> {
                        long seed = random.nextLong();
                        async(() -> comment(s, new SplittableRandom(seed)));
                    }
                    case 8 -> async(() -> get("reader", api + "/v1/feed?limit=20", "", false));
                    default -> {
                        String[] health = {
                            mgmt + "/actuator/health/liveness",
                            mgmt + "/actuator/health/readiness",
                            moderationMgmt + "/actuator/health",
                            editorMgmt + "/actuator/health"
                        };
                        String url = health[random.nextInt(health.length)];
                        async(() -> get("health", url, "", false));
                    }
                }
                sleep(pauseMs);
            }
        }

        void commenter(long pauseMs) {
            SplittableRandom random = new SplittableRandom(runId + 17);
            while (running.get()) {
                Story s = live.isEmpty() ? null : live.get(random.nextInt(live.size()));
                if (s != null && !s.killed) {
                    long seed = random.nextLong();
                    async(() -> comment(s, new SplittableRandom(seed)));
                }
                sleep(pauseMs);
            }
        }

        /** A partner that follows the keyed feed from the run's start with its cursor (one request at a time). */
        void partner() {
            String cursor = "";
            while (running.get()) {
                Op op = get("partner", api + "/v1/feed?limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), "", false);
                if (op.status() == 200 && op.extra().contains("next=")) {
                    cursor = op.extra().replaceFirst("^.*next=", "");
                }
                sleep(200);
            }
        }

        Story pick(SplittableRandom random) {
            // Victims are asked for often: a third of the picks, so a stale answer has many chances to show.
            List<Story> v = new ArrayList<>();
            for (String id : victims) {
                Story s = stories.get(id);
                if (s != null && s.published) {
                    v.add(s);
                }
            }
            if (!v.isEmpty() && random.nextInt(3) == 0) {
                return v.get(random.nextInt(v.size()));
            }
            return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
        }

        /** Stops sending and waits for every answer (each request gives up after the hard time-out). */
        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            for (Thread t : requests) {
                t.join();
            }
        }
    }

    static final String[][] COMMENTS = {
        {"en", "Clear reporting on the flood defences, thank you (%s)."},
        {"ar", "تقرير واضح عن حواجز الفيضانات، شكرا لكم (%s)."},
        {"ckb", "ڕاپۆرتێکی ڕوون دەربارەی بەربەستەکانی لافاو، سوپاس (%s)."},
        {"tr", "Sel setleri hakkında açık bir haber, teşekkürler (%s)."},
    };

    static final AtomicLong commentCounter = new AtomicLong();

    static void comment(Story s, SplittableRandom random) {
        long n = commentCounter.incrementAndGet();
        String[] t = COMMENTS[(int) (n % COMMENTS.length)];
        String idem = "fault-" + runId + "-" + n;
        String body = "{\"displayName\":\"Reader " + n + "\",\"language\":\"" + t[0] + "\",\"text\":\""
                + String.format(t[1], idem) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(moderation + "/v1/articles/" + s.id + "/comments"))
                .timeout(Duration.ofMillis(hardTimeoutMs))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idem)
                .header("X-Forwarded-For", "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        send("commenter", request, s.id, "key=" + idem);
    }

    /** A GET, recorded; {@code article} is the story it is about (or empty). */
    static Op get(String proc, String url, String article, boolean quiet) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(hardTimeoutMs)).GET();
        if (url.startsWith(api)) {
            b.header("X-API-Key", key);
        }
        return send(proc, b.build(), article, "");
    }

    static Op send(String proc, HttpRequest request, String article, String extraIn) {
        String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        String base = request.uri().getScheme() + "://" + request.uri().getAuthority();
        String where = base.equals(api) ? "api" : base.equals(mgmt) ? "api-mgmt" : base.equals(moderation) ? "moderation" : base.equals(editor) ? "editor" : base;
        double start = now();
        Op op;
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            double end = now();
            String body = r.body();
            List<String> extra = new ArrayList<>();
            if (!extraIn.isEmpty()) {
                extra.add(extraIn);
            }
            r.headers().firstValue("Content-Type").ifPresent(c -> extra.add("type=" + c.replace(";", ",")));
            r.headers().firstValue("Retry-After").ifPresent(c -> extra.add("retry-after=" + c));
            Matcher receipt = RECEIPT.matcher(body);
            if (request.method().equals("POST") && receipt.find()) {
                extra.add("receipt=" + receipt.group(1));
            }
            Matcher next = NEXT.matcher(body);
            if (path.startsWith("/v1/feed?") && r.statusCode() == 200 && next.find()) {
                extra.add("next=" + next.group(1)); // last, so the partner can read it
            }
            op = new Op(proc, request.method(), where + path, start, end, r.statusCode(), article, servedIds(body), String.join(";", extra), "");
        } catch (java.net.http.HttpTimeoutException e) {
            op = new Op(proc, request.method(), where + path, start, now(), 0, article, "", extraIn, "client-timeout");
        } catch (Exception e) {
            op = new Op(proc, request.method(), where + path, start, now(), 0, article, "", extraIn, "transport: " + e.getClass().getSimpleName());
        }
        history.add(op);
        return op;
    }

    /**
     * An Atom tombstone (RFC 6721 {@code at:deleted-entry}, ADR 0030): how a feed says a story was
     * killed, by its id and the kill notice only. Naming a killed story there is what must happen.
     */
    static final Pattern TOMBSTONE = Pattern.compile("(?s)<at:deleted-entry\\b.*?(?:</at:deleted-entry>|/>)");

    /** The run's stories an answer names (hits, items, the article itself), tombstones left out. */
    static String servedIds(String body) {
        Set<String> found = new java.util.TreeSet<>();
        Matcher m = UUID_RE.matcher(TOMBSTONE.matcher(body).replaceAll(""));
        while (m.find()) {
            if (stories.containsKey(m.group())) {
                found.add(m.group());
            }
        }
        return String.join(",", found);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[%7.1f s] %s%n", now() / 1000, String.format(format, args));
        System.out.flush();
    }

    // ---- the checker ------------------------------------------------------------------------------

    static final class Checker {

        static int check(Path out, List<Op> ops, Figures figures) throws Exception {
            long dbTimeout = intOpt("db-timeout-ms", 2000);
            long searchTimeout = intOpt("search-timeout-ms", 1000);
            Map<String, List<String>> violations = new TreeMap<>();
            Figures f = figures == null ? fromHistory(ops) : figures;

            long killGrace = intOpt("kill-grace-ms", 0);
            long recovery = intOpt("recovery-seconds", 10) * 1000L;
            // The windows in which a dependency was frozen or down, or an app killed: a request that
            // overlaps one is judged against its timeout. Outside them a slow answer is the machine's
            // load (2 shared cores), counted and printed, not a violation.
            // A killed app is no other app's dependency: its window judges only its own requests
            // (refusals allowed), not the others' latency while it restarts on the same cores.
            List<double[]> windows = new ArrayList<>(f.faultWindows);
            List<double[]> allWindows = new ArrayList<>(windows);
            allWindows.addAll(f.appDown.values());
            double lastFaultEnd = allWindows.stream().mapToDouble(w -> w[1]).max().orElse(Double.MAX_VALUE);
            int slowOutside = 0;

            // 1. No hang, no 500 for a dependency fault, a 503 is problem+json with Retry-After.
            List<Op> http = ops.stream().filter(o -> !o.method().equals("CMD") && !o.method().equals("FAULT")).toList();
            int sent = http.size();
            int noAnswer = 0;
            int refused = 0;
            List<Double> l503 = new ArrayList<>();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Op o : http) {
                byStatus.merge(o.status(), 1, Integer::sum);
                // Search answers within the search engine's limit while the engine is down; it also reads
                // PostgreSQL (its hits are checked against the published stories), so while the
                // database is down it has the database's limit.
                long limit = o.path().startsWith("api/v1/search") && !f.dependenciesDown.contains("db")
                        ? searchTimeout
                        : dbTimeout;
                String app = appOf(o.path());
                boolean appKilled = f.appDown.containsKey(app) && within(o, f.appDown.get(app));
                if (o.status() == 0) {
                    if (o.note().equals("client-timeout")) {
                        noAnswer++;
                        add(violations, "no request hangs longer than its timeout", "%s no answer in %.0f ms", o.path(), o.latency());
                    } else if (appKilled) {
                        refused++;
                    } else {
                        add(violations, "the apps stay reachable (only a killed app refuses)", "%s %s at %.0f ms", o.path(), o.note(), o.start());
                    }
                    if (o.start() > lastFaultEnd + recovery && !appKilled) {
                        add(violations, "everything recovers without a restart", "%s %s at %.0f ms", o.path(), o.note(), o.start());
                    }
                    continue;
                }
                if (appKilled) {
                    continue; // answered by the restarted app while it warms up: not judged on latency
                }
                if (o.latency() > limit) {
                    // Timed from the fault's start when the request began before it: what it spent
                    // before the engine stopped was the machine's load, not a hang on the engine.
                    double waited = waitedInFault(o, windows);
                    if (waited > limit) {
                        add(violations, "no request hangs longer than its timeout",
                                "%s answered %d after %.0f ms, %.0f ms of them in the fault (timeout %d ms) at %.0f ms",
                                o.path(), o.status(), o.latency(), waited, limit, o.start());
                    } else if (overlapsAny(o, windows)) {
                        slowOutside++;
                    } else {
                        slowOutside++;
                    }
                }
                if ((o.status() >= 500) && o.start() > lastFaultEnd + recovery) {
                    add(violations, "everything recovers without a restart",
                            "%s answered %d at %.0f ms, %.0f s after the last fault ended", o.path(), o.status(), o.start(), (o.start() - lastFaultEnd) / 1000);
                }
                if (o.status() >= 500 && o.status() != 503) {
                    add(violations, "no 500 for a dependency fault (503 instead)", "%s answered %d after %.0f ms at %.0f ms", o.path(), o.status(), o.latency(), o.start());
                }
                if (o.status() == 503) {
                    l503.add(o.latency());
                    // Health answers 503 with its own JSON (a component DOWN): that is its contract.
                    if (!o.path().contains("/actuator/") && (!o.extra().contains("problem+json") || !o.extra().contains("retry-after="))) {
                        add(violations, "a 503 is problem+json with Retry-After", "%s: %s", o.path(), o.extra());
                    }
                }
                if (o.path().endsWith("/liveness") && o.status() != 200) {
                    add(violations, "liveness never depends on another system", "%s answered %d at %.0f ms", o.path(), o.status(), o.start());
                }
            }

            // 2. A killed story is never served after the kill commits.
            Map<String, Double> killedAt = new HashMap<>();
            for (Op o : ops) {
                if (o.method().equals("CMD") && o.path().equals("kill") && o.status() == 1) {
                    killedAt.put(o.article(), o.end());
                }
            }
            int staleChecked = 0;
            for (Op o : http) {
                for (Map.Entry<String, Double> k : killedAt.entrySet()) {
                    if (o.start() <= k.getValue() + killGrace) {
                        continue;
                    }
                    String id = k.getKey();
                    boolean about = o.article().equals(id);
                    String where = o.path();
                    if (about && where.startsWith("api/v1/articles/") && o.status() == 200) {
                        add(violations, "a killed story is never served after the kill commits", "article %s served 200 %.0f ms after its kill", id, o.start() - k.getValue());
                    } else if (about && where.startsWith("moderation/v1/articles/") && (o.status() == 201 || o.status() == 200)) {
                        add(violations, "a killed story is never served after the kill commits", "comment on %s accepted (%d) %.0f ms after its kill", id, o.status(), o.start() - k.getValue());
                    } else if (o.status() == 200 && o.ids().contains(id)
                            && (where.startsWith("api/v1/search") || where.startsWith("api/v1/feed.json") || where.startsWith("api/v1/feed.atom"))) {
                        add(violations, "a killed story is never served after the kill commits", "%s named %s %.0f ms after its kill", where.replaceFirst("\\?.*", ""), id, o.start() - k.getValue());
                    } else if (about || o.ids().contains(id)) {
                        staleChecked++;
                    }
                }
            }

            // 3. The feed, walked with cursors: every published version once, in commit order, no gap.
            List<long[]> seqs = new ArrayList<>();
            Map<String, List<Long>> byKey = new HashMap<>(); // id|action|version -> sequences
            Map<String, String> actions = new HashMap<>();
            String cursor = "";
            long prev = 0;
            int entries = 0;
            while (true) {
                HttpResponse<String> r = httpGet(api + "/v1/feed?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
                if (r.statusCode() != 200) {
                    add(violations, "every published version appears in the feed exactly once, in commit order", "the feed walk got %d", r.statusCode());
                    break;
                }
                Matcher e = ENTRY.matcher(r.body());
                int page = 0;
                while (e.find()) {
                    page++;
                    entries++;
                    long seq = Long.parseLong(e.group(1));
                    if (seq != prev + 1) {
                        add(violations, "every published version appears in the feed exactly once, in commit order", "sequence %d follows %d (a gap or a repeat)", seq, prev);
                    }
                    prev = seq;
                    String id = e.group(3);
                    if (stories.containsKey(id)) {
                        byKey.computeIfAbsent(id + "|" + e.group(2) + "|" + e.group(4), x -> new ArrayList<>()).add(seq);
                        String versionKey = id + "|" + e.group(4);
                        if (!e.group(2).equals("kill") && !e.group(2).equals("unpublish") && !e.group(2).equals("embargo")) {
                            String earlier = actions.put(versionKey, e.group(2));
                            if (earlier != null) {
                                add(violations, "every published version appears in the feed exactly once, in commit order", "%s public version %s twice (%s, %s)", id, e.group(4), earlier, e.group(2));
                            }
                        }
                    }
                }
                Matcher n = NEXT.matcher(r.body());
                if (page == 0 || !n.find()) {
                    break;
                }
                cursor = n.group(1);
            }
            // Each acknowledged publish and kill has its entry, exactly one; real-time order is kept:
            // a command that returned before another started has the smaller sequence.
            List<double[]> ordered = new ArrayList<>(); // [seq, start, end]
            int acked = 0;
            for (Op o : ops) {
                if (!o.method().equals("CMD") || o.status() != 1 || o.path().equals("schedule")) {
                    continue;
                }
                acked++;
                String version = o.extra().replaceFirst("^public-version=", "");
                String action = o.path().equals("publish") ? "publish" : "kill";
                List<Long> found = byKey.getOrDefault(o.article() + "|" + action + "|" + version, List.of());
                if (found.size() != 1) {
                    add(violations, "no acknowledged comment or command is lost", "%s of %s (public version %s) acknowledged, %d feed entries", action, o.article(), version, found.size());
                } else {
                    ordered.add(new double[] {found.get(0), o.start(), o.end()});
                }
            }
            ordered.sort((a, b) -> Double.compare(a[0], b[0]));
            double minEnd = Double.MAX_VALUE;
            for (int i = ordered.size() - 1; i >= 0; i--) {
                if (minEnd < ordered.get(i)[1]) {
                    add(violations, "every published version appears in the feed exactly once, in commit order",
                            "entry %d was acknowledged after a later-numbered entry's command had already returned", (long) ordered.get(i)[0]);
                }
                minEnd = Math.min(minEnd, ordered.get(i)[2]);
            }
            // Scheduled stories: exactly one go-live entry each, one go-live revision.
            for (String id : f.scheduled) {
                long n = byKey.entrySet().stream().filter(x -> x.getKey().startsWith(id + "|go-live|") || x.getKey().startsWith(id + "|publish|"))
                        .mapToLong(x -> x.getValue().size()).sum();
                if (n != 1) {
                    add(violations, "a scheduled story goes live exactly once", "%s has %d go-live entries in the feed", id, n);
                }
            }
            if (!f.scheduled.isEmpty()) {
                List<Map<String, Object>> rows = jdbc.queryForList(
                        "select a.id::text as id, a.state, (select count(*) from article_revision r where r.article_id = a.id and r.public_version = 1 and r.state = 'PUBLISHED') as live_revisions"
                                + " from article a where a.id = any(?::uuid[])",
                        (Object) f.scheduled.toArray(String[]::new));
                for (Map<String, Object> row : rows) {
                    if (!"PUBLISHED".equals(row.get("state")) || ((Number) row.get("live_revisions")).longValue() != 1) {
                        add(violations, "a scheduled story goes live exactly once", "%s is %s with %s revisions of public version 1", row.get("id"), row.get("state"), row.get("live_revisions"));
                    }
                }
            }

            // 4. No half-written article: revisions numbered 1..version, one audit event per revision.
            List<Map<String, Object>> torn = jdbc.queryForList(
                    "select a.id::text as id, a.version, (select count(*) from article_revision r where r.article_id = a.id) as revisions,"
                            + " (select max(version) from article_revision r where r.article_id = a.id) as last_revision,"
                            + " (select count(*) from audit_event e where e.target_id = a.id::text) as audits"
                            + " from article a where a.id = any(?::uuid[])",
                    (Object) stories.keySet().toArray(String[]::new));
            for (Map<String, Object> row : torn) {
                long version = ((Number) row.get("version")).longValue();
                long revisions = ((Number) row.get("revisions")).longValue();
                long last = row.get("last_revision") == null ? -1 : ((Number) row.get("last_revision")).longValue();
                long audits = ((Number) row.get("audits")).longValue();
                if (revisions != version || last != version || audits < revisions) {
                    add(violations, "no half-written article, revision or audit row", "%s: version %d, %d revisions (last %d), %d audit events", row.get("id"), version, revisions, last, audits);
                }
            }

            // 5. No acknowledged comment is lost: every receipt answers afterwards.
            int receipts = 0;
            for (Op o : ops) {
                if (o.path().startsWith("moderation/v1/articles/") && (o.status() == 201 || o.status() == 200) && o.extra().contains("receipt=")) {
                    receipts++;
                    String receipt = o.extra().replaceFirst("^.*receipt=([A-Za-z0-9_-]+).*$", "$1");
                    HttpResponse<String> r = httpGet(moderation + "/v1/comments/" + receipt);
                    if (r.statusCode() != 200) {
                        add(violations, "no acknowledged comment or command is lost", "comment receipt %s (acknowledged %d) answers %d", receipt, o.status(), r.statusCode());
                    }
                }
            }
            // Every acknowledged publish of a story not killed is readable at the end; every kill is gone.
            for (Story s : stories.values()) {
                if (!s.published) {
                    continue;
                }
                HttpResponse<String> r = httpGet(api + "/v1/articles/" + s.id);
                if (s.killed ? r.statusCode() == 200 : r.statusCode() != 200) {
                    add(violations, s.killed ? "a killed story is never served after the kill commits" : "no acknowledged comment or command is lost",
                            "at the end GET /v1/articles/%s answers %d", s.id, r.statusCode());
                }
            }

            // 6. Search catches up.
            String never = f.lines.remove("never searchable");
            if (never != null && !never.isEmpty()) {
                add(violations, "search catches up (all searchable within the time allowed)", "never found: %s", never);
            }
            String catchUp = f.lines.remove("catch-up seconds");
            int allowed = intOpt("catchup-seconds", 60);
            if (catchUp != null && (catchUp.equals("inf") || Double.parseDouble(catchUp) > allowed)) {
                add(violations, "search catches up (all searchable within the time allowed)", "catch-up took %s s (allowed %d s)", catchUp, allowed);
            }

            // ---- figures --------------------------------------------------------------------------
            StringBuilder report = new StringBuilder();
            report.append("== ").append(out.getFileName()).append(" ==\n");
            f.lines.forEach((k, v) -> report.append(String.format("  %-44s %s%n", k, v)));
            Collections.sort(l503);
            report.append(String.format("  %-44s %d (by status: %s)%n", "requests sent", sent, byStatus));
            report.append(String.format("  %-44s %d%n", "requests lost (sent, never answered)", noAnswer));
            report.append(String.format("  %-44s %d%n", "refused while the app was killed", refused));
            report.append(String.format("  %-44s %d (not judged: outside the faults, or slow before one began)%n", "slower than the timeout, not in a fault", slowOutside));
            report.append(String.format("  %-44s %d, latency ms p50 %.0f  p99 %.0f  max %.0f%n", "503 answers", l503.size(), pct(l503, 0.5), pct(l503, 0.99), l503.isEmpty() ? 0 : l503.getLast()));
            for (String path : List.of("api/v1/articles/", "api/v1/search", "api/v1/feed?", "api/v1/feed.json", "api/v1/feed.atom", "moderation/v1/articles/", "api-mgmt/actuator/health/readiness")) {
                List<Double> lat = new ArrayList<>();
                Map<Integer, Integer> st = new TreeMap<>();
                for (Op o : http) {
                    if (o.path().startsWith(path) && inAny(o, f.faultWindows)) {
                        lat.add(o.latency());
                        st.merge(o.status(), 1, Integer::sum);
                    }
                }
                if (!lat.isEmpty()) {
                    Collections.sort(lat);
                    report.append(String.format("  during the fault %-27s %s; ms p50 %.0f  p99 %.0f  max %.0f%n", path, st, pct(lat, 0.5), pct(lat, 0.99), lat.getLast()));
                }
            }
            report.append(String.format("  %-44s %d acknowledged commands, %d feed entries walked, %d comment receipts re-read, %d reads of killed stories checked%n",
                    "checked", acked, entries, receipts, staleChecked));
            int total = violations.values().stream().mapToInt(List::size).sum();
            report.append(String.format("  %-44s %d%n", "violations found", total));
            for (Map.Entry<String, List<String>> v : violations.entrySet()) {
                report.append(String.format("  VIOLATED: %s (%d)%n", v.getKey(), v.getValue().size()));
                v.getValue().stream().limit(5).forEach(s -> report.append("      ").append(s).append('\n'));
                if (v.getValue().size() > 5) {
                    report.append("      ... ").append(v.getValue().size() - 5).append(" more in violations.txt\n");
                }
            }
            report.append(total == 0 ? "  RESULT: all invariants held\n" : "  RESULT: " + total + " violations\n");
            System.out.print(report);
            Files.writeString(out.resolve("result.txt"), report);
            List<String> all = new ArrayList<>();
            violations.forEach((k, v) -> v.forEach(s -> all.add(k + "\t" + s)));
            Files.write(out.resolve("violations.txt"), all);
            return total;
        }

        /** Whether the request met the app's kill: sent while it was down, or in flight when it died. */
        static boolean within(Op o, double[] window) {
            return o.start() <= window[1] && o.end() >= window[0] - 1;
        }

        /** The app a request went to; the Vaadin apps' health is asked on their management ports. */
        static String appOf(String path) {
            if (path.startsWith("editor") || path.startsWith(editorMgmt)) {
                return "cms-editor-ui";
            }
            if (path.startsWith("moderation") || path.startsWith(moderationMgmt)) {
                return "cms-moderation";
            }
            return "cms-public-api";
        }

        /** A history checked again later: the fault windows and scheduled stories as it recorded them. */
        static Figures fromHistory(List<Op> ops) {
            Figures f = new Figures();
            Map<String, Double> open = new HashMap<>();
            for (Op o : ops) {
                if (o.method().equals("FAULT")) {
                    String p = o.path();
                    if (p.startsWith("freeze-") || p.equals("crash-db")) {
                        open.put(p.equals("crash-db") ? "db" : p.substring(7), o.start());
                        f.dependenciesDown.add(p.equals("crash-db") ? "db" : p.substring(7));
                    } else if (p.startsWith("thaw-") || p.equals("start-db")) {
                        Double from = open.remove(p.equals("start-db") ? "db" : p.substring(5));
                        if (from != null) {
                            f.faultWindows.add(new double[] {from, o.end()});
                        }
                    } else if (p.startsWith("kill-")) {
                        String app = p.equals("kill-editor") ? "cms-editor-ui" : p.equals("kill-moderation") ? "cms-moderation" : "cms-public-api";
                        String prefix = p.equals("kill-editor") ? "editor" : p.equals("kill-moderation") ? "moderation" : "api";
                        double up = ops.stream()
                                .filter(x -> x.start() > o.end() && x.status() == 200 && x.path().startsWith(prefix))
                                .mapToDouble(Op::end).min().orElse(Double.MAX_VALUE);
                        f.appDown.put(app, new double[] {o.start(), up});
                    }
                } else if (o.method().equals("CMD") && o.path().equals("schedule") && o.status() == 1) {
                    f.scheduled.add(o.article());
                }
            }
            return f;
        }

        /** How long the request waited from the start of a fault it overlaps (0 when it overlaps none). */
        static double waitedInFault(Op o, List<double[]> windows) {
            double waited = 0;
            for (double[] w : windows) {
                if (o.start() <= w[1] && o.end() >= w[0]) {
                    waited = Math.max(waited, o.end() - Math.max(o.start(), w[0]));
                }
            }
            return waited;
        }

        static boolean overlapsAny(Op o, List<double[]> windows) {
            for (double[] w : windows) {
                if (o.start() <= w[1] && o.end() >= w[0]) {
                    return true;
                }
            }
            return false;
        }

        static boolean inAny(Op o, List<double[]> windows) {
            for (double[] w : windows) {
                if (o.start() >= w[0] && o.start() <= w[1]) {
                    return true;
                }
            }
            return false;
        }

        static void add(Map<String, List<String>> violations, String invariant, String format, Object... args) {
            violations.computeIfAbsent(invariant, k -> new ArrayList<>()).add(String.format(format, args));
        }

        static HttpResponse<String> httpGet(String url) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
            if (url.startsWith(api)) {
                b.header("X-API-Key", key);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        static double pct(List<Double> sorted, double q) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int i = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }
}
