package news.cms.core.screening.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.screening.ScreeningCategory;

/**
 * The word lists under {@code screening/} on the classpath: one rule per line,
 * {@code CATEGORY<TAB>term}; {@code #} starts a comment line. A bad line fails at start-up, naming it.
 *
 * <ul>
 *   <li>{@code <language>.txt}: a language's own list (en, ar, ckb, tr);
 *   <li>{@code latin.txt}, {@code arabic.txt}: terms shared by the languages written in a script;
 *   <li>{@code common.txt}: a small cross-language list, run on every comment;
 *   <li>{@code allow-<language>.txt}: one phrase a line (place names, ordinary words) inside which
 *       no finding counts.
 * </ul>
 */
public final class RuleLists {

    public static final List<String> LANGUAGES = List.of("en", "ar", "ckb", "tr");
    public static final List<String> SCRIPT_LISTS = List.of("latin", "arabic");
    public static final String COMMON = "common";

    private RuleLists() {}

    /** Every list's rules: the four languages, the two scripts and the common list. */
    public static List<TermRule> load() {
        List<TermRule> rules = new ArrayList<>();
        for (String language : LANGUAGES) {
            rules.addAll(load(language));
        }
        for (String script : SCRIPT_LISTS) {
            rules.addAll(load(script));
        }
        rules.addAll(load(COMMON));
        return List.copyOf(rules);
    }

    /** One list by name: a language, a script list or {@link #COMMON}. */
    public static List<TermRule> load(String list) {
        String resource = "screening/" + list + ".txt";
        try (BufferedReader lines = open(resource)) {
            return parse(list, resource, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A language's allow-list as patterns over {@link TextNormalizer#forWords} text. */
    public static List<AllowRule> allowed(String language) {
        String resource = "screening/allow-" + language + ".txt";
        List<AllowRule> allowed = new ArrayList<>();
        try (BufferedReader lines = open(resource)) {
            int n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    allowed.add(AllowRule.of(line.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(resource + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(allowed);
    }

    private static BufferedReader open(String resource) {
        InputStream in = RuleLists.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no screening list " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static List<TermRule> parse(String language, String name, BufferedReader lines) throws IOException {
        List<TermRule> rules = new ArrayList<>();
        int n = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new IllegalStateException(name + ":" + n + ": expected CATEGORY<TAB>term");
            }
            try {
                ScreeningCategory category =
                        ScreeningCategory.valueOf(line.substring(0, tab).strip());
                rules.add(
                        TermRule.of(language, category, line.substring(tab + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(name + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }
}
