// Search and feed benchmark driver, a single-file Java program run with cms-core's classes on the class
// path (for BenchTexts, the words the corpus was written with).
//
//   plan   --stories N --out queries.tsv              the query mix: language, section, text, kind
//   check  --api URL --engine URL --plan F            every query answers 200 on both, the same hits in the
//                                                     same order, and a "many" query finds something
//   cursors --api URL --key K --per-region M --out DIR  walks /v1/feed to the end (200 a page) and writes
//                                                     feed-first.txt, feed-middle.txt, feed-end.txt: M URLs
//                                                     each of /v1/feed?limit=50 from M consecutive cursors
//                                                     at the start, the middle and 50+M entries before the end,
//                                                     and feed-warm.txt a quarter in, to warm the app up on
//   load   --target api|engine|urls --rate R --seconds S --warmup W --label L
//          [--api URL] [--engine URL --index A] [--plan F] [--urls F] [--header "Name: value"]
//
// load is an open model, like bench/intake/IntakeLoad.java: request i leaves at start + i/rate whatever
// the earlier ones are doing, each on its own virtual thread, and its latency counts from that scheduled
// time, so queueing in a slow server is not hidden. target api sends GET /v1/search?q=&lang=&section= to
// the public API; target engine sends the body the API's ArticleIndex sends for the same query straight
// to Elasticsearch (POST /<index>/_search); target urls sends GET for each line of --urls in turn (feed
// pages; one host, with PlainHttp, a lean keep-alive client, instead of the JDK's HttpClient). The
// warm-up runs at the full rate and is not counted. Prints p50/p90/p95/p99/max and errors, and a
// machine-readable line "RESULT <label> <p50> <p95> <p99> <max> <errors> <count>".

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.demo.BenchTexts;
import news.cms.core.language.LanguageTag;

public class SearchLoad {

    /** One search: language and section filters (empty for none), the text, and how many it should find. */
    record Query(String lang, String section, String text, String kind) {}

    record Result(int status, long latencyNanos, boolean counted) {}

    static final List<LanguageTag> LANGUAGES =
            List.of(LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH);
    static final List<String> SECTIONS = List.of("news", "economy", "culture", "city", "sport", "politics");
    /** Place names the texts use, one or two per language, for two-word queries. */
    static final Map<String, List<String>> PLACES = Map.of(
            "en", List.of("Erbil", "Basra", "Van"),
            "ar", List.of("أربيل", "البصرة", "النجف"),
            "ckb", List.of("هەولێر", "سلێمانی", "زاخۆ"),
            "tr", List.of("Diyarbakır", "Mardin", "Trabzon"));

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        Map<String, String> opt = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        switch (command) {
            case "plan" -> plan(opt);
            case "check" -> System.exit(check(opt) ? 0 : 1);
            case "load" -> load(opt);
            case "cursors" -> cursors(opt);
            default -> throw new IllegalArgumentException("usage: plan|check|load --name value ...");
        }
    }

    // ---- the query mix ----

    static void plan(Map<String, String> opt) throws IOException {
        long stories = Long.parseLong(opt.getOrDefault("stories", "100000"));
        int count = Integer.parseInt(opt.getOrDefault("queries", "400"));
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LanguageTag language = LANGUAGES.get(i % LANGUAGES.size());
            String lang = language.value();
            // Half the queries name their language (one analyzer, one field set), half search all.
            String filter = random.nextBoolean() ? lang : "";
            String section = "";
            String text;
            String kind;
            switch (random.nextInt(6)) {
                case 0, 1 -> { // one common word: thousands of hits
                    text = BenchTexts.noun(language, random.nextInt(5));
                    kind = "many";
                }
                case 2 -> { // one word from the middle of the list: hundreds to thousands
                    text = BenchTexts.noun(language, 10 + random.nextInt(30));
                    kind = "many";
                }
                case 3 -> { // two words: a noun and a place
                    List<String> places = PLACES.get(lang);
                    text = BenchTexts.noun(language, random.nextInt(40)) + " " + places.get(random.nextInt(places.size()));
                    kind = "many";
                }
                case 4 -> { // a common word in one section
                    text = BenchTexts.noun(language, random.nextInt(20));
                    section = SECTIONS.get(random.nextInt(SECTIONS.size()));
                    kind = "many";
                }
                default -> { // a rare name: a handful of stories
                    long groups = Math.max(1, stories / BenchTexts.RARE_GROUP);
                    text = BenchTexts.rareName(language, random.nextLong(groups));
                    kind = "few";
                }
            }
            lines.add(filter + "\t" + section + "\t" + text + "\t" + kind);
        }
        Path out = Path.of(opt.getOrDefault("out", "queries.tsv"));
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("query plan: " + lines.size() + " queries written to " + out);
    }

    static List<Query> readPlan(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            queries.add(new Query(f[0], f[1], f[2], f[3]));
        }
        return queries;
    }

    // ---- the requests ----

    static HttpRequest apiRequest(String api, Query q) {
        StringBuilder url = new StringBuilder(api).append("/v1/search?q=").append(encode(q.text()));
        if (!q.lang().isEmpty()) {
            url.append("&lang=").append(encode(q.lang()));
        }
        if (!q.section().isEmpty()) {
            url.append("&section=").append(encode(q.section()));
        }
        return HttpRequest.newBuilder(URI.create(url.toString()))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    /**
     * What news.cms.core.search.internal.ArticleIndex#search sends for this query (first page, 20 hits):
     * the same multi_match over the language's fields (or every language's) and their folded
     * sub-fields (ADR 0022), the embargo, language
     * and section filters, the sort and the highlight. The check step proves it by comparing hits.
     */
    /**
     * The folded sub-fields ArticleIndex also searches, ranked below the exact spelling, for the
     * languages that have them (Turkish, Arabic, Sorani; all of them when no language is given).
     */
    static String folded(String suffix) {
        if (!List.of("tr", "ar", "ckb", "*").contains(suffix)) {
            return "";
        }
        return ",\"headline_" + suffix + ".folded^2\",\"standfirst_" + suffix + ".folded^1.5\",\"body_" + suffix
                + ".folded^0.8\"";
    }

    static HttpRequest engineRequest(String engine, String index, Query q) {
        String s = q.lang().isEmpty() ? "*" : q.lang();
        StringBuilder filters = new StringBuilder(
                "{\"bool\":{\"should\":[{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"embargo_until\"}}]}},"
                        + "{\"range\":{\"embargo_until\":{\"lte\":\"now\"}}}]}}");
        if (!q.lang().isEmpty()) {
            filters.append(",{\"term\":{\"language\":{\"value\":").append(json(q.lang())).append("}}}");
        }
        if (!q.section().isEmpty()) {
            filters.append(",{\"term\":{\"section\":{\"value\":").append(json(q.section())).append("}}}");
        }
        String body = "{\"highlight\":{\"fields\":[{\"headline_" + s + "\":{\"number_of_fragments\":0}},"
                + "{\"body_" + s + "\":{\"fragment_size\":160,\"number_of_fragments\":1}}],"
                + "\"post_tags\":[\"\\ue001\"],\"pre_tags\":[\"\\ue000\"],\"require_field_match\":false},"
                + "\"query\":{\"bool\":{\"filter\":[" + filters + "],\"must\":[{\"multi_match\":{\"fields\":["
                + "\"headline_" + s + "^3\",\"standfirst_" + s + "^2\",\"body_" + s + "\"" + folded(s) + "],\"query\":"
                + json(q.text()) + ",\"type\":\"best_fields\"}}]}},\"size\":20,"
                + "\"sort\":[{\"_score\":{\"order\":\"desc\"}},{\"published_at\":{\"order\":\"desc\"}},"
                + "{\"id\":{\"order\":\"asc\"}}],\"track_total_hits\":false}";
        return HttpRequest.newBuilder(URI.create(engine + "/" + index + "/_search?typed_keys=true"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    static final Pattern API_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern ENGINE_ID = Pattern.compile("\"_id\":\"([0-9a-f-]{36})\"");

    static boolean check(Map<String, String> opt) throws Exception {
        String api = opt.get("api");
        String engine = opt.get("engine");
        String index = opt.getOrDefault("index", "cms-articles");
        List<Query> plan = readPlan(Path.of(opt.get("plan")));
        HttpClient http = HttpClient.newHttpClient();
        int bad = 0;
        int empty = 0;
        int same = 0;
        long hitsMany = 0;
        long hitsFew = 0;
        for (Query q : plan) {
            HttpResponse<String> a = http.send(apiRequest(api, q), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> e = http.send(engineRequest(engine, index, q), HttpResponse.BodyHandlers.ofString());
            List<String> ids = ids(API_ID, a.body());
            List<String> engineIds = ids(ENGINE_ID, e.body());
            if (a.statusCode() != 200 || e.statusCode() != 200) {
                bad++;
                System.out.println("  " + q + ": API " + a.statusCode() + ", engine " + e.statusCode() + " "
                        + e.body().substring(0, Math.min(300, e.body().length())));
                continue;
            }
            if (!ids.equals(engineIds)) {
                bad++;
                System.out.println("  " + q + ": the API and the engine differ: " + ids.size() + " vs "
                        + engineIds.size() + " hits");
                continue;
            }
            same++;
            if (q.kind().equals("many") && ids.isEmpty()) {
                empty++;
                System.out.println("  " + q + ": no hits");
            }
            if (q.kind().equals("many")) {
                hitsMany += ids.size();
            } else {
                hitsFew += ids.size();
            }
        }
        long few = plan.stream().filter(q -> q.kind().equals("few")).count();
        System.out.printf("check: %d queries; %d answered 200 with the same hits in the same order from the API"
                        + " and the engine; %d differed or failed; %d 'many' queries found nothing;"
                        + " hits on the first page: %.1f for 'many', %.1f for 'few' queries%n",
                plan.size(), same, bad, empty,
                hitsMany / (double) Math.max(1, plan.size() - few), hitsFew / (double) Math.max(1, few));
        return bad == 0 && empty == 0;
    }

    static List<String> ids(Pattern p, String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = p.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    // ---- feed cursors ----

    static final Pattern NEXT = Pattern.compile("\"next\":\"([A-Za-z0-9_-]+)\"");
    static final Pattern SEQUENCE = Pattern.compile("\"sequence\":([0-9]+)");

    record Page(List<Long> sequences, String next) {}

    static Page page(HttpClient http, String api, String key, String cursor, int limit) throws Exception {
        String url = api + "/v1/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        Matcher n = NEXT.matcher(r.body());
        if (!n.find()) {
            throw new IllegalStateException(url + " has no next cursor");
        }
        List<Long> sequences = new ArrayList<>();
        Matcher m = SEQUENCE.matcher(r.body());
        while (m.find()) {
            sequences.add(Long.parseLong(m.group(1)));
        }
        return new Page(sequences, n.group(1));
    }

    /**
     * Cursors can only be had from the feed (they are signed): walk it to the end, keeping the cursor
     * after every 200th entry, then step one entry at a time from the nearest kept one to get M
     * consecutive cursors in each region, so that every measured request asks for a different page
     * (the API caches pages it has built; a repeated page would measure the cache, not the keyset).
     */
    static void cursors(Map<String, String> opt) throws Exception {
        String api = opt.get("api");
        String key = opt.get("key");
        int perRegion = Integer.parseInt(opt.getOrDefault("per-region", "200"));
        Path dir = Path.of(opt.getOrDefault("out", "."));
        HttpClient http = HttpClient.newHttpClient();
        TreeMap<Long, String> kept = new TreeMap<>(); // entries before the cursor -> cursor
        kept.put(0L, null);
        long entries = 0;
        String cursor = null;
        long started = System.nanoTime();
        while (true) {
            Page p = page(http, api, key, cursor, 200);
            if (p.sequences().isEmpty()) {
                break;
            }
            entries += p.sequences().size();
            cursor = p.next();
            kept.put(entries, cursor);
        }
        System.out.printf("feed: %d entries, walked 200 at a time in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);
        if (entries < 4L * (perRegion + 50)) {
            throw new IllegalStateException("the feed is too short for " + perRegion + " pages per region");
        }
        Map<String, Long> regions = new java.util.LinkedHashMap<>();
        // Pages of their own to warm the app up on, not measured (a quarter in, clear of the others).
        regions.put("warm", entries / 4);
        regions.put("first", 0L);
        regions.put("middle", entries / 2);
        regions.put("end", entries - 50 - perRegion);
        for (var region : regions.entrySet()) {
            var from = kept.floorEntry(region.getValue());
            long at = from.getKey();
            String c = from.getValue();
            while (at < region.getValue()) {
                c = page(http, api, key, c, 1).next();
                at++;
            }
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < perRegion; i++) {
                urls.add(api + "/v1/feed?limit=50" + (c == null ? "" : "&cursor=" + c));
                c = page(http, api, key, c, 1).next();
            }
            Files.write(dir.resolve("feed-" + region.getKey() + ".txt"), urls);
            System.out.printf("feed region %s: %d pages of 50 from entry %d on%n", region.getKey(), perRegion, region.getValue());
        }
    }

    // ---- the load ----

    static void load(Map<String, String> opt) throws Exception {
        String target = opt.getOrDefault("target", "api");
        int rate = Integer.parseInt(opt.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        String label = opt.getOrDefault("label", target);
        List<HttpRequest> requests = new ArrayList<>();
        switch (target) {
            case "api" -> readPlan(Path.of(opt.get("plan"))).forEach(q -> requests.add(apiRequest(opt.get("api"), q)));
            case "engine" -> readPlan(Path.of(opt.get("plan")))
                    .forEach(q -> requests.add(engineRequest(opt.get("engine"), opt.getOrDefault("index", "cms-articles"), q)));
            case "urls" -> {
                for (String url : Files.readAllLines(Path.of(opt.get("urls")))) {
                    if (!url.isBlank()) {
                        requests.add(HttpRequest.newBuilder(URI.create(url.strip())).GET().build());
                    }
                }
            }
            default -> throw new IllegalArgumentException("--target api|engine|urls");
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        Sender sender;
        if (target.equals("urls")) {
            PlainHttp plain = new PlainHttp(requests.getFirst().uri(), opt.get("header"));
            sender = request -> plain.get(request.uri());
        } else {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
            sender = request -> {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body().length());
            };
        }
        int warmSlots = warmup * rate;
        int slots = warmSlots + seconds * rate;
        List<Result> results = new ArrayList<>(slots);
        Object lock = new Object();
        AtomicLong late = new AtomicLong();
        AtomicLong emptyBodies = new AtomicLong();
        CountDownLatch done = new CountDownLatch(slots);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < slots; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(5)) {
                late.incrementAndGet();
            }
            boolean counted = i >= warmSlots;
            // The warm-up starts at a different place in the list, so each measured request is
            // not simply a repeat of the warm-up's first ones.
            HttpRequest request = requests.get(i % requests.size());
            Thread.startVirtualThread(() -> {
                int status;
                try {
                    Reply reply = sender.send(request);
                    status = reply.status();
                    if (status == 200 && reply.length() < 10) {
                        emptyBodies.incrementAndGet();
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    status = -1;
                }
                long latency = System.nanoTime() - due;
                synchronized (lock) {
                    results.add(new Result(status, latency, counted));
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.println("WARNING: " + done.getCount() + " requests still open 60 s after the last was sent");
        }
        List<Result> counted;
        synchronized (lock) {
            counted = results.stream().filter(Result::counted).toList();
        }
        long[] sorted = counted.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        Map<Integer, Long> byStatus = new TreeMap<>();
        counted.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        long errors = counted.stream().filter(r -> r.status() != 200).count() + emptyBodies.get();
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
        // The engine's requests share one URI (their bodies differ); the URL lists may repeat one URL.
        long distinct = target.equals("urls")
                ? requests.stream().map(HttpRequest::uri).distinct().count()
                : requests.size();
        System.out.printf("%s: %d/s for %d s after %d s of warm-up, %d distinct requests; %d left more than 5 ms late%n",
                label, rate, seconds, warmup, distinct, late.get());
        System.out.printf("  latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f;  status %s%s%n",
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.95), ms(sorted, 0.99), max, byStatus,
                emptyBodies.get() > 0 ? ", empty 200s " + emptyBodies.get() : "");
        System.out.printf("RESULT %s %.1f %.1f %.1f %.1f %d %d%n",
                label.replace(' ', '_'), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), max, errors, sorted.length);
    }

    /** A status and the body's length (characters for the JDK client, bytes for {@link PlainHttp}). */
    record Reply(int status, int length) {}

    interface Sender {
        Reply send(HttpRequest request) throws IOException, InterruptedException;
    }

    /**
     * GET over kept-alive HTTP/1.1 sockets to one host, a connection per request in flight, the whole
     * body read (Content-Length only; a chunked answer is an error). For the feed pages, whose target is
     * an absolute latency: the JDK's HttpClient took p50 3.9 ms and p95 7.4 ms to fetch a page's 230 KB
     * from nginx at 10/s on the 2-core machine (its reactive plumbing hands every 16 KB between
     * threads), HttpURLConnection 1.4 / 3.4 ms, curl 0.7 / 1.0 ms; this client is measured against
     * nginx serving a page's bytes in every run (bench/search/run.sh), so its own share is printed.
     */
    static final class PlainHttp {

        private final String host;
        private final int port;
        private final byte[] headerLines;
        private final java.util.concurrent.ConcurrentLinkedQueue<Connection> idle =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        PlainHttp(URI any, String header) {
            this.host = any.getHost();
            this.port = any.getPort();
            this.headerLines = ("Host: " + host + ":" + port + "\r\n" + (header == null ? "" : header.strip() + "\r\n")
                            + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }

        Reply get(URI uri) throws IOException {
            if (!host.equals(uri.getHost()) || port != uri.getPort()) {
                throw new IllegalArgumentException("one host and port only: " + uri);
            }
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Connection c = idle.poll();
            if (c == null) {
                c = new Connection(new java.net.Socket(host, port));
            }
            try {
                Reply reply = c.exchange(("GET " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1), headerLines);
                if (c.open) {
                    idle.add(c);
                } else {
                    c.socket.close();
                }
                return reply;
            } catch (IOException | RuntimeException e) {
                c.socket.close();
                throw e;
            }
        }

        private static final class Connection {

            final java.net.Socket socket;
            final java.io.InputStream in;
            final java.io.OutputStream out;
            boolean open = true;

            Connection(java.net.Socket socket) throws IOException {
                this.socket = socket;
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                this.in = new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024);
                this.out = socket.getOutputStream();
            }

            Reply exchange(byte[] requestLine, byte[] headerLines) throws IOException {
                byte[] request = Arrays.copyOf(requestLine, requestLine.length + headerLines.length);
                System.arraycopy(headerLines, 0, request, requestLine.length, headerLines.length);
                out.write(request);
                out.flush();
                String statusLine = line();
                if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                    throw new IOException("not an HTTP/1.1 answer: " + statusLine);
                }
                int status = Integer.parseInt(statusLine.substring(9, 12));
                int length = status == 204 || status == 304 ? 0 : -1;
                for (String h = line(); !h.isEmpty(); h = line()) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).strip().toLowerCase(java.util.Locale.ROOT);
                    String value = h.substring(h.indexOf(':') + 1).strip();
                    switch (name) {
                        case "content-length" -> length = Integer.parseInt(value);
                        case "connection" -> open = !value.equalsIgnoreCase("close");
                        case "transfer-encoding" -> throw new IOException("a chunked answer: " + value);
                        default -> {}
                    }
                }
                if (length < 0) {
                    throw new IOException("an answer without Content-Length");
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
                }
                return new Reply(status, body.length);
            }

            private String line() throws IOException {
                StringBuilder s = new StringBuilder(64);
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b < 0) {
                        throw new IOException("the connection closed");
                    }
                    if (b != '\r') {
                        s.append((char) b);
                    }
                }
                return s.toString();
            }
        }
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + Arrays.toString(args));
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        return opt;
    }
}
