package news.cms.core.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.screening.Evidence;
import news.cms.core.screening.ScreeningCategory;
import org.jspecify.annotations.Nullable;

/**
 * One listed term (a word or a phrase), matched as whole words on {@link TextNormalizer#forWords}
 * text with the word boundaries of the list's language:
 *
 * <ul>
 *   <li>English and the Latin-script and cross-language lists: the word as listed; a term ending in
 *       {@code *} is a stem and takes any ending ("idiots").
 *   <li>Turkish: the last word takes Turkish inflection (plural, possessive, case, copula and person
 *       endings, after an optional apostrophe), so "salaklar", "götünü", "aptalsın" match while
 *       "götürdüler" (carried) does not; a listed ö ü ş ğ ç also matches o u s g c, as Turkish is
 *       typed on keyboards without them.
 *   <li>Arabic: the attached clitics (و ف ب ل ال… before, ها هم ك ي… after).
 *   <li>Sorani: the attached endings (ەکە ەکان یت…); a listed ڕ ڵ ێ ۆ also matches ر ل ی و, as
 *       Sorani is typed on Arabic keyboards (never the other way: کەڕ "deaf" is not کەر "donkey"). A
 *       noun followed by the ezafe ی and another word ("X-ی Y", "the X of Y") is a noun phrase, not
 *       the copula "you are X", and is not matched.
 * </ul>
 *
 * Each single letter of the term matches one or two equal letters of the text, a double letter
 * exactly two; with the normaliser's cut of longer runs to two, "fuuuuck" matches "fuck" while "as"
 * never matches "ass". A {@link TextNormalizer#MASK masked} letter matches any letter when the match
 * keeps at least two real letters and no more masks than real letters plus one ("f**k", "sh*t").
 */
public final class TermRule {

    static final String WORD_CHAR = "\\p{L}\\p{M}\\p{N}";
    static final String BEFORE = "(?<![" + WORD_CHAR + "])";
    static final String AFTER = "(?![" + WORD_CHAR + "])";
    private static final String M = Character.toString(TextNormalizer.MASK);
    private static final String ARABIC_PREFIXES = "(?:وال|فال|بال|كال|ولل|لل|ال|و|ف|ب|ل)?";
    private static final String ARABIC_SUFFIXES = "(?:ها|هم|هن|كم|ين|ون|ات|ان|ه|ك|ي)?";
    private static final String SORANI_SUFFIXES = "(?<suffix>هكان|هكه|يهكي|يان|تان|مان|يت|ين|ان|يه|ه|ي|ن|ت)?";
    private static final String EZAFE = "ي";
    private static final String TURKISH_SUFFIXES;

    static {
        // Turkish endings as typed with or without Turkish letters (ı is already i in the text).
        String u = "[iuü]";
        String e = "[ae]";
        List<String> morphs = List.of(
                "l" + e + "r" + u, // their
                "l" + e + "r", // plural, 3rd person plural
                u + "m" + u + "z",
                u + "n" + u + "z",
                "s" + u + "n" + u + "z", // our, your, you are (pl.)
                "n" + "[dt]" + e + "n",
                "[dt]" + e + "n", // from
                "n" + "[dt]" + e,
                "[dt]" + e, // at
                "[dt]" + e + "ki",
                "ki", // the one at
                "n" + u + "n",
                u + "n",
                "y" + u,
                "n" + u, // genitive, accusative
                "y" + e,
                "n" + e, // dative
                "y" + "l" + e,
                "l" + e, // with
                "[cç]" + e, // -ly
                "s" + u + "n",
                "y" + u + "m",
                "y" + u + "z",
                u + "m",
                u + "z", // you are, I am, we are
                "[dt]" + u + "r", // is
                "y" + "[dt]" + u,
                "[dt]" + u, // was
                "y" + "m" + u + "[şs]",
                "m" + u + "[şs]", // reportedly
                "y" + "s" + e,
                "s" + e, // if
                "m" + u, // question
                "s" + u,
                u + "n",
                "l" + u + "[kğg]", // possessive 3rd, 2nd; -ness
                e,
                u);
        TURKISH_SUFFIXES = "(?:['’]?(?:" + String.join("|", morphs) + "){1,4})?";
    }

    private final String language;
    private final ScreeningCategory category;
    private final String term;
    private final Pattern pattern;
    private final @Nullable Pattern joinedPattern;
    private final String firstChars;
    private final String[] letters;
    private final boolean sorani;
    private final String normal;

    private TermRule(
            String language,
            ScreeningCategory category,
            String term,
            Pattern pattern,
            @Nullable Pattern joinedPattern,
            String firstChars,
            String[] letters,
            String normal) {
        this.language = language;
        this.category = category;
        this.term = term;
        this.pattern = pattern;
        this.joinedPattern = joinedPattern;
        this.firstChars = firstChars;
        this.letters = letters;
        this.sorani = "ckb".equals(language);
        this.normal = normal;
    }

    /**
     * @param language the list's language ({@code en}, {@code ar}, {@code ckb}, {@code tr}) or script
     *     list ({@code latin}, {@code arabic}, {@code common}), which sets the word boundaries
     */
    public static TermRule of(String language, ScreeningCategory category, String listed) {
        boolean stem = listed.endsWith("*");
        String term = stem ? listed.substring(0, listed.length() - 1).strip() : listed.strip();
        String normal = TextNormalizer.words(TextNormalizer.fold(term), true).text();
        if (normal.isBlank()) {
            throw new IllegalArgumentException("an empty term");
        }
        boolean arabicScript = normal.codePoints().anyMatch(TermRule::isArabic);
        String morphology = "arabic".equals(language) ? "ar" : language;
        if (arabicScript && !morphology.equals("ar") && !morphology.equals("ckb")) {
            morphology = "ar";
        }
        String prefix = arabicScript && morphology.equals("ar") ? ARABIC_PREFIXES : "";
        String suffix;
        if (stem) {
            suffix = "[\\p{L}\\p{M}" + M + "]*";
        } else if (!arabicScript && morphology.equals("tr")) {
            suffix = TURKISH_SUFFIXES;
        } else if (arabicScript) {
            suffix = morphology.equals("ckb") ? SORANI_SUFFIXES : ARABIC_SUFFIXES;
        } else {
            suffix = "";
        }
        Pattern pattern = Pattern.compile(BEFORE + prefix + letters(normal, "+") + suffix + AFTER);
        Pattern joined = normal.strip().contains(" ")
                ? Pattern.compile(BEFORE + prefix + letters(normal, "*") + suffix + AFTER)
                : null;
        StringBuilder first = new StringBuilder();
        first.append(alternatives(normal.codePointAt(0))).append(TextNormalizer.MASK);
        if (!prefix.isEmpty()) {
            first.append("وفبكلا");
        }
        String[] required = normal.codePoints()
                .filter(Character::isLetter)
                .distinct()
                .mapToObj(TermRule::alternatives)
                .toArray(String[]::new);
        return new TermRule(language, category, listed, pattern, joined, first.toString(), required, normal);
    }

    static boolean isArabic(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC;
    }

    /** The letters a listed letter also matches in the text: Turkish and Sorani typed without theirs. */
    static String alternatives(int c) {
        return switch (c) {
            case 'ö' -> "öo";
            case 'ü' -> "üu";
            case 'ş' -> "şs";
            case 'ğ' -> "ğg";
            case 'ç' -> "çc";
            case 'ڕ' -> "ڕر";
            case 'ڵ' -> "ڵل";
            case 'ێ' -> "ێي";
            case 'ۆ' -> "ۆو";
            default -> Character.toString(c);
        };
    }

    private static String letters(String normal, String gap) {
        StringBuilder regex = new StringBuilder();
        int[] cps = normal.strip().codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (Character.isWhitespace(c)) {
                while (i + 1 < cps.length && Character.isWhitespace(cps[i + 1])) {
                    i++;
                }
                regex.append("[\\s\\p{P}").append(M).append("]").append(gap);
            } else if (Character.isLetter(c)) {
                String cls = "[" + Pattern.quote(alternatives(c)) + "]";
                if (i + 1 < cps.length && cps[i + 1] == c) {
                    regex.append("(?:").append(cls).append('|').append(M).append("){2}");
                    i++;
                } else {
                    regex.append("(?:").append(cls).append("{1,2}|").append(M).append("{1,2})");
                }
            } else {
                regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        return regex.toString();
    }

    public ScreeningCategory category() {
        return category;
    }

    /** The term as listed (with its {@code *} when a stem). */
    public String term() {
        return term;
    }

    public String language() {
        return language;
    }

    /** The term as the normaliser folds it, for the Arabizi rules. */
    String normal() {
        return normal;
    }

    /** The chars a match can start with. */
    String firstChars() {
        return firstChars;
    }

    /** False when the text lacks a letter every match needs (and has no masks): no scan needed. */
    boolean mayMatch(String text) {
        if (text.indexOf(TextNormalizer.MASK) >= 0) {
            return true;
        }
        for (String letter : letters) {
            boolean found = false;
            for (int k = 0; k < letter.length() && !found; k++) {
                found = text.indexOf(letter.charAt(k)) >= 0;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    Matcher matcher(String text, boolean joined) {
        Pattern p = joined && joinedPattern != null ? joinedPattern : pattern;
        return p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * Whether the regex match the matcher holds is a finding: enough real letters around masks, and
     * not a Sorani ezafe phrase.
     */
    boolean accept(Matcher m, String text) {
        int masks = 0;
        int real = 0;
        for (int k = m.start(); k < m.end(); k++) {
            char c = text.charAt(k);
            if (c == TextNormalizer.MASK) {
                masks++;
            } else if (Character.isLetter(c)) {
                real++;
            }
        }
        if (masks > 0 && (real < 2 || masks > real + 1)) {
            return false;
        }
        if (sorani && EZAFE.equals(group(m, "suffix"))) {
            int k = m.end();
            while (k < text.length() && text.charAt(k) == ' ') {
                k++;
            }
            return !(k > m.end()
                    && k < text.length()
                    && isArabic(text.charAt(k))
                    && Character.isLetter(text.charAt(k)));
        }
        return true;
    }

    private static @Nullable String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every match in a whole text; see {@link RuleSet} for the fast path the screener takes. */
    public List<Evidence> find(String original, NormalizedText normal) {
        String text = normal.text();
        if (!mayMatch(text)) {
            return List.of();
        }
        List<Evidence> found = new ArrayList<>();
        Matcher m = matcher(text, false);
        while (m.find()) {
            if (accept(m, text)) {
                found.add(evidence(original, normal, m.start(), m.end()));
            }
        }
        return found;
    }

    Evidence evidence(String original, NormalizedText normal, int start, int end) {
        int from = normal.originalStart(start);
        int to = normal.originalEnd(end);
        return new Evidence(category, term, original.substring(from, to), from, to);
    }
}
