package news.cms.core.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.language.LanguageTag;

/**
 * Screening measured on our own labelled corpus ({@code screening-corpus/<language>.tsv}): recall and
 * precision per language and category, the share of innocent texts flagged, and the cost per
 * comment. {@link ScreeningCorpusTest} asserts the targets; {@code bench/screening/run.sh} runs
 * {@link #main} to print the report.
 */
public final class ScreeningReport {

    static final List<String> LANGUAGES = List.of("en", "ar", "ckb", "tr");
    static final String INNOCENT = "INNOCENT";

    /** One labelled text; a null category means innocent. */
    record Sample(String language, ScreeningCategory label, String text) {
        boolean innocent() {
            return label == null;
        }
    }

    /** Counts for one category in one language. */
    static final class Counts {
        int labelled;
        int found;
        int flaggedAs;
        int flaggedCorrectly;

        double recall() {
            return labelled == 0 ? 1 : (double) found / labelled;
        }

        double precision() {
            return flaggedAs == 0 ? 1 : (double) flaggedCorrectly / flaggedAs;
        }
    }

    /** The figures of one language. */
    static final class LanguageFigures {
        final String language;
        final Map<ScreeningCategory, Counts> categories = new EnumMap<>(ScreeningCategory.class);
        int texts;
        int innocent;
        int innocentFlagged;
        final List<String> misses = new ArrayList<>();
        final List<String> falseAlarms = new ArrayList<>();

        LanguageFigures(String language) {
            this.language = language;
        }

        double innocentFlaggedShare() {
            return innocent == 0 ? 0 : (double) innocentFlagged / innocent;
        }
    }

    private ScreeningReport() {}

    static List<Sample> corpus(String language) {
        String resource = "screening-corpus/" + language + ".tsv";
        InputStream in = ScreeningReport.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no corpus " + resource);
        }
        List<Sample> samples = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String label = line.substring(0, tab).strip();
                ScreeningCategory category = label.equals(INNOCENT) ? null : ScreeningCategory.valueOf(label);
                samples.add(new Sample(language, category, line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    static Map<String, LanguageFigures> measure(Screener screener) {
        Map<String, LanguageFigures> all = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            LanguageFigures figures = new LanguageFigures(language);
            for (ScreeningCategory c : ScreeningCategory.values()) {
                figures.categories.put(c, new Counts());
            }
            for (Sample sample : corpus(language)) {
                ScreeningResult result = screener.screen(sample.text(), LanguageTag.of(language));
                Set<ScreeningCategory> found =
                        result.evidence().stream().map(Evidence::category).collect(Collectors.toSet());
                figures.texts++;
                if (sample.innocent()) {
                    figures.innocent++;
                    if (!found.isEmpty()) {
                        figures.innocentFlagged++;
                        figures.falseAlarms.add(sample.text() + " → " + describe(result));
                    }
                } else {
                    Counts counts = figures.categories.get(sample.label());
                    counts.labelled++;
                    if (found.contains(sample.label())) {
                        counts.found++;
                    } else {
                        figures.misses.add(sample.label() + ": " + sample.text() + " → " + describe(result));
                    }
                }
                for (ScreeningCategory c : found) {
                    Counts counts = figures.categories.get(c);
                    counts.flaggedAs++;
                    if (c == sample.label()) {
                        counts.flaggedCorrectly++;
                    }
                }
            }
            all.put(language, figures);
        }
        return all;
    }

    private static String describe(ScreeningResult result) {
        return result.evidence().isEmpty()
                ? "nothing"
                : result.evidence().stream()
                        .map(e -> e.category() + " '" + e.matched() + "' (" + e.rule() + ")")
                        .collect(Collectors.joining(", "));
    }

    static String table(Map<String, LanguageFigures> all) {
        StringBuilder out = new StringBuilder();
        out.append("| language | category | texts | recall | precision |\n|---|---|---:|---:|---:|\n");
        for (LanguageFigures f : all.values()) {
            for (Map.Entry<ScreeningCategory, Counts> e : f.categories.entrySet()) {
                Counts c = e.getValue();
                out.append(String.format(
                        "| %s | %s | %d | %.2f | %.2f |%n",
                        f.language, e.getKey(), c.labelled, c.recall(), c.precision()));
            }
        }
        out.append("\n| language | texts | innocent | innocent flagged |\n|---|---:|---:|---:|\n");
        for (LanguageFigures f : all.values()) {
            out.append(String.format(
                    "| %s | %d | %d | %d (%.1f %%) |%n",
                    f.language, f.texts, f.innocent, f.innocentFlagged, 100 * f.innocentFlaggedShare()));
        }
        for (LanguageFigures f : all.values()) {
            f.misses.forEach(m ->
                    out.append("\nmissed (").append(f.language).append(") ").append(m));
            f.falseAlarms.forEach(m -> out.append("\nflagged innocent (")
                    .append(f.language)
                    .append(") ")
                    .append(m));
        }
        return out.append('\n').toString();
    }

    /** Microseconds per comment over the whole corpus, after a warm-up (a quick loop, not JMH). */
    static double microsPerComment(Screener screener, int rounds) {
        List<Sample> all = LANGUAGES.stream().flatMap(l -> corpus(l).stream()).toList();
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (Sample s : all) {
                sink += screener.screen(s.text(), LanguageTag.of(s.language())).risk();
            }
        }
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (Sample s : all) {
                sink += screener.screen(s.text(), LanguageTag.of(s.language())).risk();
            }
        }
        double micros = (System.nanoTime() - start) / 1e3 / ((double) rounds * all.size());
        return sink < 0 ? -1 : micros;
    }

    public static void main(String[] args) {
        Screener screener = new Screener();
        System.out.println("# Screening on our labelled corpus\n");
        System.out.println(table(measure(screener)));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf(
                "cost: %.1f µs per comment (corpus texts, %d rounds after as many warm-up rounds)%n",
                microsPerComment(screener, rounds), rounds);
    }
}
