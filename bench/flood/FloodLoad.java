// Open-model flood of distinct keys at the comment intake and the public API, beside the readers'
// and commenters' ordinary traffic, which is measured with and without the flood in one run.
//   java bench/flood/FloodLoad.java --intake http://127.0.0.1:28182 --api http://127.0.0.1:28181
//        --articles <uuid,uuid,...> [--hot-api 200] [--hot-intake 20] [--flood 2000]
//        [--quiet 30] [--distinct 1000000] [--ids 100000] [--phase-file <file>]
// Phase "quiet": only the hot traffic (readers GET published stories from the API; commenters POST
// to one of them at the intake, each its own client). Phase "flood": the same hot traffic, plus, at
// each app, --distinct requests at --flood a second, each from its own client address (X-Forwarded-
// For from the loopback, a trusted proxy here, as behind a load balancer) and for one of --ids random
// article ids. Requests leave on a fixed schedule whatever the responses do, each on its own virtual
// thread; latency is measured from the scheduled time (no coordinated omission). Between the phases
// it writes "quiet-done" to --phase-file and waits for "go" there (run.sh measures the heap then).
// Prints, per stream and phase, p50/p99/max and status counts, and the hot p99 ratio flood/quiet.

import java.net.URI;
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
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

public class FloodLoad {

    record Result(String stream, String phase, int status, long latencyNanos) {}

    static final ConcurrentLinkedQueue<Result> RESULTS = new ConcurrentLinkedQueue<>();
    static final AtomicLong OPEN = new AtomicLong();
    static final AtomicLong RUN = new AtomicLong(System.currentTimeMillis());
    static HttpClient http;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].substring(2), args[i + 1]);
        }
        String intake = opt.get("intake");
        String api = opt.get("api");
        List<String> articles = List.of(opt.get("articles").split(","));
        int hotApi = Integer.parseInt(opt.getOrDefault("hot-api", "200"));
        int hotIntake = Integer.parseInt(opt.getOrDefault("hot-intake", "20"));
        int flood = Integer.parseInt(opt.getOrDefault("flood", "2000"));
        int quiet = Integer.parseInt(opt.getOrDefault("quiet", "30"));
        int distinct = Integer.parseInt(opt.getOrDefault("distinct", "1000000"));
        int ids = Integer.parseInt(opt.getOrDefault("ids", "100000"));
        Path phaseFile = Path.of(opt.getOrDefault("phase-file", "target/flood-phase"));

        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        SplittableRandom seed = new SplittableRandom(7);
        List<String> randomIds = new ArrayList<>(ids);
        for (int i = 0; i < ids; i++) {
            randomIds.add(new UUID(seed.nextLong(), seed.nextLong()).toString());
        }
        String commented = articles.getFirst();
        AtomicLong commenters = new AtomicLong();

        LongFunction<HttpRequest> hotRead = slot -> HttpRequest.newBuilder(
                        URI.create(api + "/v1/articles/" + articles.get((int) (slot % articles.size()))))
                .header("X-Forwarded-For", "192.0.2." + (1 + slot % 200)) // a few hundred readers
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        LongFunction<HttpRequest> hotComment = slot -> {
            long n = commenters.incrementAndGet();
            return comment(intake, commented, "198.18." + ((n >> 8) & 255) + "." + (n & 255), "hot-" + RUN + "-" + n, n);
        };
        LongFunction<HttpRequest> floodRead = slot -> HttpRequest.newBuilder(
                        URI.create(api + "/v1/articles/" + randomIds.get((int) (slot * 7919 % ids))))
                .header("X-Forwarded-For", address(slot))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        LongFunction<HttpRequest> floodComment =
                slot -> comment(intake, randomIds.get((int) (slot * 104729 % ids)), address(slot), "flood-" + slot, slot);

        System.out.printf(
                "flood load: hot %d/s reads and %d/s comments; quiet %d s, then %,d distinct addresses at %d/s"
                        + " per app over %,d random article ids%n",
                hotApi, hotIntake, quiet, distinct, flood, ids);
        // Quiet phase.
        long quietSlotsApi = (long) hotApi * quiet;
        long quietSlotsIntake = (long) hotIntake * quiet;
        Thread a = drive("hot-read", "quiet", hotApi, 0, quietSlotsApi, hotRead);
        Thread b = drive("hot-comment", "quiet", hotIntake, 0, quietSlotsIntake, hotComment);
        a.join();
        b.join();
        awaitAnswers();
        Files.createDirectories(phaseFile.toAbsolutePath().getParent());
        Files.writeString(phaseFile, "quiet-done");
        while (!Files.readString(phaseFile).strip().equals("go")) {
            Thread.sleep(200);
        }
        // Flood phase: as long as the flood takes to send, the hot traffic goes on beside it.
        int floodSeconds = Math.max(1, distinct / flood);
        System.out.printf("flood phase: %d s%n", floodSeconds);
        Thread c = drive("flood-read", "flood", flood, 0, distinct, floodRead);
        Thread d = drive("flood-comment", "flood", flood, 0, distinct, floodComment);
        Thread e = drive("hot-read", "flood", hotApi, quietSlotsApi, (long) hotApi * floodSeconds, hotRead);
        Thread f = drive("hot-comment", "flood", hotIntake, quietSlotsIntake, (long) hotIntake * floodSeconds, hotComment);
        for (Thread t : List.of(c, d, e, f)) {
            t.join();
        }
        awaitAnswers();
        report();
    }

    /** Until every request sent has its answer (or its timeout). */
    static void awaitAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (OPEN.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static String address(long slot) {
        // 100.64.0.0/10: four million addresses, every slot its own.
        return "100." + (64 + ((slot >> 16) & 63)) + "." + ((slot >> 8) & 255) + "." + (slot & 255);
    }

    static HttpRequest comment(String intake, String article, String client, String key, long n) {
        String body = "{\"displayName\":\"Reader " + n + "\",\"text\":\"Thanks for the report, comment " + n
                + " / شكرا على التقرير / سوپاس بۆ ڕاپۆرتەکە / Haber için teşekkürler\"}";
        return HttpRequest.newBuilder(URI.create(intake + "/v1/articles/" + article + "/comments"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .header("X-Forwarded-For", client)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** Sends {@code count} requests at {@code rate} a second on a schedule of their own thread. */
    static Thread drive(String stream, String phase, int rate, long firstSlot, long count, LongFunction<HttpRequest> make) {
        return Thread.ofPlatform().name(stream).start(() -> {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long due = start + (long) (i * (1e9 / rate));
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest request = make.apply(firstSlot + i);
                OPEN.incrementAndGet();
                Thread.startVirtualThread(() -> {
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception ex) {
                        status = -1;
                    }
                    RESULTS.add(new Result(stream, phase, status, System.nanoTime() - due));
                    OPEN.decrementAndGet();
                });
            }
        });
    }

    static void report() {
        Map<String, List<Result>> groups = new TreeMap<>();
        for (Result r : RESULTS) {
            groups.computeIfAbsent(r.stream() + " " + r.phase(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Double> p99 = new HashMap<>();
        groups.forEach((name, list) -> {
            long[] sorted = list.stream().mapToLong(Result::latencyNanos).sorted().toArray();
            Map<Integer, Long> statuses = new TreeMap<>();
            list.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
            p99.put(name, ms(sorted, 0.99));
            System.out.printf("%-20s %,9d requests  p50 %7.1f ms  p99 %7.1f ms  max %8.1f ms  statuses %s%n",
                    name, sorted.length, ms(sorted, 0.5), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, statuses);
        });
        for (String stream : List.of("hot-read", "hot-comment")) {
            Double quiet = p99.get(stream + " quiet");
            Double flooded = p99.get(stream + " flood");
            if (quiet != null && flooded != null) {
                double ratio = flooded / quiet;
                System.out.printf("%s p99 under the flood / quiet: %.1f / %.1f ms = %.2f x %s%n",
                        stream, flooded, quiet, ratio, ratio <= 2 ? "(target <= 2 x met)" : "(target <= 2 x MISSED)");
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
}
