package news.cms.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of an app's {@code /actuator/prometheus}, read as the Prometheus text format: each
 * series (name and labels) with its value. Tests take one before an action and one after, and
 * compare.
 */
public final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Series(String name, Map<String, String> labels, double value) {}

    private final java.util.List<Series> series;

    private Prometheus(java.util.List<Series> series) {
        this.series = series;
    }

    /** Scrapes {@code http://127.0.0.1:<managementPort>/actuator/prometheus}; fails unless it answers 200. */
    public static Prometheus scrape(int managementPort) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("the Prometheus scrape").isEqualTo(200);
            return parse(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Prometheus parse(String text) {
        java.util.List<Series> all = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            all.add(new Series(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new Prometheus(all);
    }

    /**
     * The sum over the series of this name whose labels include these pairs ({@code "action",
     * "publish", ...}); 0 when there is none.
     */
    public double value(String name, String... labelPairs) {
        return series.stream()
                .filter(s -> s.name().equals(name) && hasLabels(s, labelPairs))
                .mapToDouble(Series::value)
                .sum();
    }

    /** Whether a series of this name with these labels is exported (at any value). */
    public boolean has(String name, String... labelPairs) {
        return series.stream().anyMatch(s -> s.name().equals(name) && hasLabels(s, labelPairs));
    }

    /** Every metric name exported. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.forEach(s -> names.add(s.name()));
        return names;
    }

    private static boolean hasLabels(Series s, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
