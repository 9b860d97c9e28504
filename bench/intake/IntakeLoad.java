// Open-model load on POST /v1/articles/{id}/comments: requests leave on a fixed schedule (rate per
// second) whatever the responses do, each on its own virtual thread; latency is measured from the
// scheduled send time, so a stalled server cannot hide its queueing (no coordinated omission).
//   java bench/intake/IntakeLoad.java --url http://127.0.0.1:28082 --article <uuid> [--rate 300]
//        [--seconds 60] [--warmup 10] [--retries 0.10] [--run <id>]
// A fraction of the slots (--retries) resend the Idempotency-Key of an earlier slot with the same body
// and client: half of those the previous slot's (often still in flight, a race), half an older one.
// Every slot poses as its own client (X-Forwarded-For 10.x.y.z; run.sh makes the loopback a trusted proxy),
// so per-client rate limits do not shape the result; the run script raises the per-article limit.
// Prints p50/p90/p99/max, counts by status, 5xx, transport errors and, per key, how many distinct
// receipts came back (more than one would be a duplicate). Writes the keys it used to --keys-file.

import java.io.IOException;
import java.net.URI;
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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IntakeLoad {

    static final String[][] TEXTS = {
        {"en", "Thanks for the clear report on the new bridge, comment %d."},
        {"ar", "شكرا على هذا التقرير الواضح عن الجسر الجديد، التعليق %d."},
        {"ckb", "سوپاس بۆ ئەم ڕاپۆرتە ڕوونە دەربارەی پردە نوێیەکە، لێدوانی %d."},
        {"tr", "Yeni köprü hakkındaki açık haber için teşekkürler, yorum %d."},
        {"en", "Visit cheap-watches.shop now, click here for free money %d"},
        {"ar", "أنت غبي يا كاتب المقال %d"},
    };
    static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([A-Za-z0-9_-]+)\"");

    record Slot(int index, String key, int bodyOf, boolean retry) {}

    record Result(int status, long latencyNanos, String key, String receipt, boolean counted, long dueNanos) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String url = opt.getOrDefault("url", "http://127.0.0.1:28082");
        String article = required(opt, "article");
        int rate = Integer.parseInt(opt.getOrDefault("rate", "300"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "10"));
        double retries = Double.parseDouble(opt.getOrDefault("retries", "0.10"));
        String run = opt.getOrDefault("run", Long.toString(System.currentTimeMillis(), 36));
        Path keysFile = Path.of(opt.getOrDefault("keys-file", "target/intake-bench-keys.txt"));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        URI target = URI.create(url + "/v1/articles/" + article + "/comments");

        int warmSlots = warmup * rate;
        int slots = warmSlots + seconds * rate;
        List<Slot> plan = plan(slots, warmSlots, retries, run);
        List<Result> results = new ArrayList<>(slots);
        Object lock = new Object();
        AtomicLong transportErrors = new AtomicLong();
        AtomicLong lateStarts = new AtomicLong();
        CountDownLatch done = new CountDownLatch(slots);
        long[] offsets = schedule(warmSlots, slots, rate, warmup);

        System.out.printf("intake load: %d/s for %d s (after a %d s warm-up ramp, not counted), %.0f%% retries, run %s%n",
                rate, seconds, warmup, retries * 100, run);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measuredFrom = System.currentTimeMillis() + 200 + offsets[warmSlots] / 1_000_000;
        System.out.println("measured phase starts at " + java.time.Instant.ofEpochMilli(measuredFrom));
        for (Slot slot : plan) {
            long due = start + offsets[slot.index()];
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(5)) {
                lateStarts.incrementAndGet();
            }
            boolean counted = slot.index() >= warmSlots;
            Thread.startVirtualThread(() -> {
                try {
                    HttpRequest request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", slot.key())
                            .header("X-Forwarded-For", client(slot.bodyOf()))
                            .POST(HttpRequest.BodyPublishers.ofString(body(slot.bodyOf()), StandardCharsets.UTF_8))
                            .build();
                    HttpResponse<String> response =
                            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    long latency = System.nanoTime() - due;
                    Matcher m = RECEIPT.matcher(response.body());
                    String receipt = m.find() ? m.group(1) : null;
                    synchronized (lock) {
                        results.add(new Result(
                                response.statusCode(), latency, slot.key(), receipt, counted, due - start));
                    }
                } catch (IOException | InterruptedException | RuntimeException e) {
                    transportErrors.incrementAndGet();
                    synchronized (lock) {
                        results.add(
                                new Result(-1, System.nanoTime() - due, slot.key(), null, counted, due - start));
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        long sentIn = System.nanoTime() - start - offsets[warmSlots];
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.println("WARNING: " + done.getCount() + " requests still open 60 s after the last was sent");
        }
        report(results, sentIn, lateStarts.get(), transportErrors.get(), keysFile, slots - warmSlots);
    }

    /**
     * When each slot leaves, in nanoseconds from the start: the warm-up ramps linearly from a third of
     * the rate to the full rate (a cold JVM compiling its hot paths is not what is measured), then
     * the measured slots leave exactly 1/rate apart.
     */
    static long[] schedule(int warmSlots, int slots, int rate, int warmup) {
        long[] at = new long[slots];
        double t = 0;
        for (int i = 0; i < warmSlots; i++) {
            at[i] = (long) t;
            double progress = (double) i / warmSlots;
            t += 1e9 / (rate * (1.0 / 3 + 2.0 / 3 * progress));
        }
        long measured = (long) t;
        for (int i = warmSlots; i < slots; i++) {
            at[i] = measured + (long) ((i - warmSlots) * (1e9 / rate));
        }
        return at;
    }

    static List<Slot> plan(int slots, int warmSlots, double retries, String run) {
        SplittableRandom random = new SplittableRandom(42);
        List<Slot> plan = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            // Retries only repeat counted slots, so the warm-up stays separate.
            if (i > warmSlots + 100 && random.nextDouble() < retries) {
                int of = random.nextBoolean() ? i - 1 : i - 1 - random.nextInt(100);
                Slot original = plan.get(of);
                while (original.retry()) {
                    original = plan.get(original.bodyOf());
                }
                plan.add(new Slot(i, original.key(), original.index(), true));
            } else {
                plan.add(new Slot(i, "bench-" + run + "-" + i, i, false));
            }
        }
        return plan;
    }

    static String client(int slot) {
        return "10." + ((slot >> 16) & 255) + "." + ((slot >> 8) & 255) + "." + (slot & 255);
    }

    static String body(int slot) {
        String[] t = TEXTS[slot % TEXTS.length];
        return "{\"displayName\":\"Reader " + slot + "\",\"language\":\"" + t[0] + "\",\"text\":\""
                + String.format(t[1], slot) + "\"}";
    }

    static void report(List<Result> all, long sentIn, long late, long errors, Path keysFile, int countedSlots)
            throws IOException {
        List<Result> counted = all.stream().filter(Result::counted).toList();
        long[] latencies = counted.stream().mapToLong(Result::latencyNanos).sorted().toArray();
        Map<Integer, Long> byStatus = new TreeMap<>();
        counted.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
        long fiveHundreds = counted.stream().filter(r -> r.status() >= 500).count();
        Map<String, Set<String>> receipts = new HashMap<>();
        for (Result r : all) {
            if (r.receipt() != null) {
                receipts.computeIfAbsent(r.key(), k -> ConcurrentHashMap.newKeySet()).add(r.receipt());
            }
        }
        long duplicates = receipts.values().stream().filter(s -> s.size() > 1).count();
        Files.createDirectories(keysFile.toAbsolutePath().getParent());
        Files.write(keysFile, receipts.keySet());

        System.out.printf("sent %d measured requests (%d with the warm-up) in %.1f s; %d left more than 5 ms late%n",
                countedSlots, all.size(), sentIn / 1e9, late);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.println("status counts: " + byStatus + "  (-1 = transport error or timeout)");
        System.out.println("5xx: " + fiveHundreds + "   transport errors: " + errors);
        System.out.println("keys answered with a receipt: " + receipts.size()
                + "   keys with more than one receipt (duplicates): " + duplicates);
        timeline(counted);
        boolean ok = ms(latencies, 0.99) <= 100 && fiveHundreds == 0 && duplicates == 0 && errors == 0;
        System.out.println(ok ? "TARGET MET: p99 <= 100 ms, zero 5xx, zero duplicates"
                : "TARGET MISSED: see the figures above");
    }

    /**
     * Each measured second's worst and 99th-percentile latency, by the second the requests were due:
     * a stall shows as a run of slow seconds, spread-out slowness as many seconds just over the line.
     */
    static void timeline(List<Result> counted) {
        if (counted.isEmpty()) {
            return;
        }
        long first = counted.stream().mapToLong(Result::dueNanos).min().orElseThrow();
        Map<Long, List<Long>> bySecond = new TreeMap<>();
        for (Result r : counted) {
            bySecond.computeIfAbsent((r.dueNanos() - first) / 1_000_000_000L, k -> new ArrayList<>())
                    .add(r.latencyNanos());
        }
        StringBuilder slow = new StringBuilder();
        bySecond.forEach((second, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted[sorted.length - 1] > 100_000_000L) {
                slow.append(String.format("  second %2d: p99 %.1f ms, max %.1f ms (%d requests)%n",
                        second, ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length));
            }
        });
        System.out.print(slow.isEmpty()
                ? "every measured second had all its requests under 100 ms\n"
                : "seconds of the run with a request over 100 ms:\n" + slow);
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
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

    static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
