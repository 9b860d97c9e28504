package news.cms.core.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.screening.Evidence;

/**
 * An allowed phrase (a place name such as نهر الكلب, an ordinary word that contains a listed one):
 * a finding that lies inside one of its occurrences does not count. Matched as whole words, with the
 * Arabic clitics و ب ل ف before it, on {@link TextNormalizer#forWords} text.
 */
public final class AllowRule {

    private final Pattern pattern;

    private AllowRule(Pattern pattern) {
        this.pattern = pattern;
    }

    static AllowRule of(String phrase) {
        String normal =
                TextNormalizer.words(TextNormalizer.fold(phrase), true).text().strip();
        if (normal.isEmpty()) {
            throw new IllegalArgumentException("an empty phrase");
        }
        StringBuilder regex = new StringBuilder(TermRule.BEFORE);
        if (normal.codePoints().anyMatch(TermRule::isArabic)) {
            regex.append("(?:و|ف|ب|ل)?");
        }
        String[] words = normal.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\p{P}]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("[\\p{L}\\p{M}]{0,4}").append(TermRule.AFTER);
        return new AllowRule(Pattern.compile(regex.toString()));
    }

    /** The findings that do not lie inside an occurrence of an allowed phrase. */
    public static List<Evidence> without(List<Evidence> found, List<AllowRule> allowed, NormalizedText words) {
        List<int[]> ranges = new ArrayList<>();
        for (AllowRule rule : allowed) {
            ranges.addAll(rule.occurrences(words));
        }
        if (ranges.isEmpty()) {
            return found;
        }
        return found.stream()
                .filter(e -> ranges.stream().noneMatch(r -> r[0] <= e.start() && e.end() <= r[1]))
                .toList();
    }

    /** The original ranges {@code [start, end)} of this phrase's occurrences. */
    List<int[]> occurrences(NormalizedText words) {
        List<int[]> found = new ArrayList<>();
        Matcher m = pattern.matcher(words.text());
        while (m.find()) {
            found.add(new int[] {words.originalStart(m.start()), words.originalEnd(m.end())});
        }
        return found;
    }
}
