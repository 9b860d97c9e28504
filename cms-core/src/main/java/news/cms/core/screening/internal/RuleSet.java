package news.cms.core.screening.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.screening.Evidence;

/**
 * The term rules that apply to one kind of comment, indexed by the chars a match can start with, so
 * a scan tries at each word start only the rules that could begin there (a few, not all of them:
 * this keeps screening cheap on long comments). Optionally with the Arabizi spellings of its
 * Arabic-script rules. Immutable and thread-safe; matchers are made per call.
 */
public final class RuleSet {

    private final List<TermRule> rules;
    private final Map<Character, List<TermRule>> byFirst = new HashMap<>();
    private final List<TermRule> arabiziRules = new ArrayList<>();
    private final List<Pattern> arabiziPatterns = new ArrayList<>();

    /**
     * @param arabizi the rules whose Latin spellings are looked for too (Arabic and Sorani lists)
     */
    public RuleSet(List<TermRule> rules, List<TermRule> arabizi) {
        this.rules = List.copyOf(rules);
        for (TermRule rule : this.rules) {
            String first = rule.firstChars();
            for (int i = 0; i < first.length(); i++) {
                List<TermRule> list = byFirst.computeIfAbsent(first.charAt(i), c -> new ArrayList<>());
                if (!list.contains(rule)) {
                    list.add(rule);
                }
            }
        }
        for (TermRule rule : arabizi) {
            Pattern p = Arabizi.pattern(rule.normal(), "ckb".equals(rule.language()));
            if (p != null) {
                arabiziRules.add(rule);
                arabiziPatterns.add(p);
            }
        }
    }

    public List<TermRule> rules() {
        return rules;
    }

    public boolean hasArabizi() {
        return !arabiziRules.isEmpty();
    }

    /**
     * Adds every match in a view of the original text.
     *
     * @param joined whether the view rejoined spaced-out letters (then a phrase's words may touch)
     */
    public void find(String original, NormalizedText view, boolean joined, List<Evidence> out) {
        String text = view.text();
        Map<TermRule, Matcher> matchers = new HashMap<>();
        Map<TermRule, Boolean> possible = new HashMap<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0 && isWordChar(text.charAt(i - 1))) {
                continue;
            }
            List<TermRule> candidates = byFirst.get(c);
            if (candidates == null) {
                continue;
            }
            for (TermRule rule : candidates) {
                if (!possible.computeIfAbsent(rule, r -> r.mayMatch(text))) {
                    continue;
                }
                Matcher m = matchers.computeIfAbsent(rule, r -> r.matcher(text, joined));
                m.region(i, text.length());
                if (m.lookingAt() && rule.accept(m, text)) {
                    out.add(rule.evidence(original, view, m.start(), m.end()));
                }
            }
        }
    }

    /** Adds the Arabizi matches in a folded (not leet-read) view of the original text. */
    public void findArabizi(String original, NormalizedText view, List<Evidence> out) {
        String text = view.text();
        for (int r = 0; r < arabiziPatterns.size(); r++) {
            TermRule rule = arabiziRules.get(r);
            boolean sorani = "ckb".equals(rule.language());
            Matcher m = arabiziPatterns.get(r).matcher(text);
            while (m.find()) {
                if (sorani || convincing(text, m.start(), m.end(), rule.normal())) {
                    out.add(rule.evidence(original, view, m.start(), m.end()));
                }
            }
        }
    }

    // Arabic in Latin letters without a digit is only taken for words of three consonants or more.
    private static boolean convincing(String text, int start, int end, String term) {
        for (int k = start; k < end; k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        return term.chars().filter(c -> "اويه ".indexOf(c) < 0).count() >= 3;
    }

    /** Whether a folded text has a Latin word with one of Arabizi's digits in it ("7mar", "8abi"). */
    public static boolean looksLikeArabizi(NormalizedText folded) {
        return Arabizi.hasArabiziToken(folded.text());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
