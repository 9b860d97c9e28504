// Publish -> visible benchmark. A single-file Java program run with cms-core and its dependencies on the
// class path: it boots cms-core's services (no web server) against the bench's PostgreSQL and
// Elasticsearch, as the editor app does, and publishes stories through the real workflow at a steady
// pace -- a reporter files and submits, one editor approves, another publishes -- while it watches the
// running cms-public-api like a partner would:
//   - one poller follows GET /v1/feed from its last cursor (with a FEED key) every --poll-ms, and notes
//     when each story's publish entry first appears;
//   - for each story, a poller asks GET /v1/search?q=<a word only that story has>&lang=… every --poll-ms
//     until the story is among the hits.
// Latency counts from the moment ArticleService.publish returned (its transaction committed) to the
// first response that showed the story. The path measured is production's: the feed entry commits with
// the publish, PostgreSQL's change notice empties the public API's page cache, and the search index is
// written by this process's outbox listener after the commit, as in the editor app.
//
//   java -cp <cms-core classes and dependencies> bench/freshness/FreshnessProbe.java \
//        --api http://127.0.0.1:38081 --key-file K --stories 300 --interval-ms 500 --poll-ms 20 \
//        --spring.datasource.url=jdbc:postgresql://127.0.0.1:35432/cms --cms.search.uri=http://127.0.0.1:39200

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.CmsCoreConfiguration;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.demo.BenchTexts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
// A single-file program lives in the unnamed package; auto-configuration (Spring Modulith's too) needs a
// named one, and cms-core's is the one an app would name.
@AutoConfigurationPackage(basePackageClasses = CmsCoreConfiguration.class)
@Import(CmsCoreConfiguration.class)
public class FreshnessProbe {

    static final Pattern NEXT = Pattern.compile("\"next\":\"([A-Za-z0-9_-]+)\"");
    static final Pattern ENTRY = Pattern.compile("\"action\":\"([a-z-]+)\",\"uri\":\"urn:[^\"]*:article:([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].contains("=")) {
                spring.add(args[i]); // --name=value: a Spring property
            } else {
                opt.put(args[i].substring(2), args[++i]);
            }
        }
        String api = opt.getOrDefault("api", "http://127.0.0.1:38081");
        String key = Files.readString(Path.of(opt.get("key-file"))).strip();
        int stories = Integer.parseInt(opt.getOrDefault("stories", "300"));
        long intervalMs = Long.parseLong(opt.getOrDefault("interval-ms", "500"));
        long pollMs = Long.parseLong(opt.getOrDefault("poll-ms", "20"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));

        spring.add("--spring.main.banner-mode=off");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FreshnessProbe.class)
                .web(WebApplicationType.NONE)
                .run(spring.toArray(String[]::new));
        ArticleService articles = context.getBean(ArticleService.class);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        // The feed's end now: a partner that is up to date.
        String cursor = null;
        while (true) {
            String body = get(http, api + "/v1/feed?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), key);
            Matcher n = NEXT.matcher(body);
            n.find();
            String next = n.group(1);
            if (!ENTRY.matcher(body).find()) {
                cursor = next;
                break;
            }
            cursor = next;
        }

        Map<String, Long> committed = new ConcurrentHashMap<>(); // article id -> publish returned (nanoTime)
        Map<String, Long> inFeed = new ConcurrentHashMap<>();
        Map<String, Long> inSearch = new ConcurrentHashMap<>();
        Map<String, Long> publishCall = new ConcurrentHashMap<>();
        List<String> counted = java.util.Collections.synchronizedList(new ArrayList<>());
        long runId = System.currentTimeMillis() / 1000 % 100_000 * 10_000; // unique words differ between runs
        final String feedStart = cursor;
        Thread feedPoller = Thread.ofVirtual().start(() -> {
            String c = feedStart;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    String body = get(http, api + "/v1/feed?limit=200&cursor=" + c, key);
                    long now = System.nanoTime();
                    Matcher e = ENTRY.matcher(body);
                    while (e.find()) {
                        if (e.group(1).equals("publish")) {
                            inFeed.putIfAbsent(e.group(2), now);
                        }
                    }
                    Matcher n = NEXT.matcher(body);
                    if (n.find()) {
                        c = n.group(1);
                    }
                    Thread.sleep(pollMs);
                } catch (InterruptedException ie) {
                    return;
                } catch (Exception ex) {
                    System.out.println("feed poll failed: " + ex);
                }
            }
        });

        int total = warmup + stories;
        CountDownLatch searched = new CountDownLatch(total);
        System.out.printf("publishing %d stories (the first %d not counted), one every %d ms; polling every %d ms%n",
                total, warmup, intervalMs, pollMs);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        for (int i = 0; i < total; i++) {
            long due = start + i * TimeUnit.MILLISECONDS.toNanos(intervalMs);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String word = BenchTexts.uniqueWord(runId + i);
            ArticleContent content = BenchTexts.story(runId + i, word);
            Article draft = as("bench-reporter", Role.REPORTER, () -> articles.createDraft(content));
            Article submitted = as("bench-reporter", Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
            Article approved = as("bench-editor", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
            long before = System.nanoTime();
            as("bench-chief", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));
            long after = System.nanoTime();
            String id = draft.id().toString();
            committed.put(id, after);
            publishCall.put(id, after - before);
            if (i >= warmup) {
                counted.add(id);
            }
            String lang = content.language().value();
            Thread.ofVirtual().start(() -> {
                try {
                    String url = api + "/v1/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&lang=" + lang;
                    long deadline = after + TimeUnit.SECONDS.toNanos(30);
                    while (System.nanoTime() < deadline) {
                        String body = get(http, url, null);
                        if (body.contains(id)) {
                            inSearch.put(id, System.nanoTime());
                            return;
                        }
                        Thread.sleep(pollMs);
                    }
                } catch (Exception ex) {
                    System.out.println("search poll failed: " + ex);
                } finally {
                    searched.countDown();
                }
            });
        }
        searched.await(60, TimeUnit.SECONDS);
        long waitFeed = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!inFeed.keySet().containsAll(counted) && System.nanoTime() < waitFeed) {
            Thread.sleep(100);
        }
        feedPoller.interrupt();

        report("publish -> in /v1/feed", counted, committed, inFeed, 0.99, 1000);
        report("publish -> found by /v1/search", counted, committed, inSearch, 0.95, 2000);
        long[] calls = counted.stream().mapToLong(publishCall::get).sorted().toArray();
        System.out.printf("ArticleService.publish call (its transaction): p50 %.1f ms, p99 %.1f ms%n",
                pct(calls, 0.5), pct(calls, 0.99));
        context.close();
        System.exit(0);
    }

    static void report(String what, List<String> ids, Map<String, Long> from, Map<String, Long> to, double q, long targetMs) {
        List<Long> latencies = new ArrayList<>();
        int missing = 0;
        for (String id : ids) {
            Long t = to.get(id);
            if (t == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, t - from.get(id)));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
        System.out.printf("%s: %d stories, %d never seen (within 30 s); ms p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n",
                what, ids.size(), missing, pct(sorted, 0.5), pct(sorted, 0.95), pct(sorted, 0.99), max);
        boolean met = missing == 0 && pct(sorted, q) <= targetMs;
        System.out.printf("RESULT %s p%d=%.0f ms, target <= %d ms: %s%n",
                what.replace(' ', '_'), Math.round(q * 100), pct(sorted, q), targetMs, met ? "met" : "NOT met");
    }

    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String get(HttpClient http, String url, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (key != null) {
            b.header("X-API-Key", key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
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
