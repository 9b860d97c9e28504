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
 * The word lists under {@code screening/<language>.txt} on the classpath: one rule per line,
 * {@code CATEGORY<TAB>term}; {@code #} starts a comment line. A bad line fails at start-up, naming it.
 */
public final class RuleLists {

    public static final List<String> LANGUAGES = List.of("en", "ar", "ckb", "tr");

    private RuleLists() {}

    public static List<TermRule> load() {
        List<TermRule> rules = new ArrayList<>();
        for (String language : LANGUAGES) {
            rules.addAll(load(language));
        }
        return List.copyOf(rules);
    }

    public static List<TermRule> load(String language) {
        String resource = "screening/" + language + ".txt";
        try (InputStream in = RuleLists.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no word list " + resource);
            }
            return parse(language, resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
