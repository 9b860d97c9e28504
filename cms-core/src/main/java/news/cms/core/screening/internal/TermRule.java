package news.cms.core.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.screening.Evidence;
import news.cms.core.screening.ScreeningCategory;

/**
 * One listed term (a word or a phrase), matched as whole words on {@link TextNormalizer#forWords}
 * text. A term ending in {@code *} is a stem and takes any ending (Turkish suffixes, "idiots").
 * Terms in Arabic script take the common attached clitics of their language (Arabic و ف ب ل ال…,
 * Sorani ەکە ەکان یت…), which are written joined to the word. Each single letter of the term
 * matches one or two letters of the text, a double letter exactly two; with the normaliser's cut
 * of longer runs to two, "fuuuuck" matches "fuck" while "as" never matches "ass".
 */
public record TermRule(ScreeningCategory category, String term, Pattern pattern, int[] letters) {

    private static final String BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{M}\\p{N}])";
    private static final String ARABIC_PREFIXES = "(?:وال|فال|بال|كال|ولل|لل|ال|و|ف|ب|ل)?";
    private static final String ARABIC_SUFFIXES = "(?:ها|هم|هن|كم|ين|ون|ات|ان|ه|ك|ي)?";
    private static final String SORANI_SUFFIXES = "(?:هكان|هكه|يهكي|يان|تان|مان|يت|ين|ان|ه|ي|ن|ت)?";

    public static TermRule of(String language, ScreeningCategory category, String listed) {
        boolean stem = listed.endsWith("*");
        String term = stem ? listed.substring(0, listed.length() - 1).strip() : listed.strip();
        String normal = TextNormalizer.forWords(term).text();
        if (normal.isBlank()) {
            throw new IllegalArgumentException("an empty term");
        }
        boolean arabicScript =
                normal.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        StringBuilder regex = new StringBuilder(BEFORE);
        if (arabicScript) {
            regex.append(ARABIC_PREFIXES);
        }
        regex.append(letters(normal));
        if (stem) {
            regex.append("[\\p{L}\\p{M}]*");
        } else if (arabicScript) {
            regex.append("ckb".equals(language) ? SORANI_SUFFIXES : ARABIC_SUFFIXES);
        }
        regex.append(AFTER);
        return new TermRule(
                category,
                listed,
                Pattern.compile(regex.toString()),
                normal.codePoints().filter(Character::isLetter).distinct().toArray());
    }

    private static String letters(String normal) {
        StringBuilder regex = new StringBuilder();
        int[] cps = normal.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (Character.isWhitespace(c)) {
                while (i + 1 < cps.length && Character.isWhitespace(cps[i + 1])) {
                    i++;
                }
                regex.append("[\\s\\p{P}]+");
            } else if (Character.isLetter(c)) {
                String quoted = Pattern.quote(Character.toString(c));
                if (i + 1 < cps.length && cps[i + 1] == c) {
                    regex.append(quoted).append("{2}");
                    i++;
                } else {
                    regex.append(quoted).append("{1,2}");
                }
            } else {
                regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        return regex.toString();
    }

    public List<Evidence> find(String original, NormalizedText normal) {
        // Every letter of the term is in any match, so a text lacking one needs no regex scan: most
        // rules are of another script than the comment and stop here.
        String text = normal.text();
        for (int letter : letters) {
            if (text.indexOf(letter) < 0) {
                return List.of();
            }
        }
        List<Evidence> found = new ArrayList<>();
        Matcher m = pattern.matcher(normal.text());
        while (m.find()) {
            int start = normal.originalStart(m.start());
            int end = normal.originalEnd(m.end());
            found.add(new Evidence(category, term, original.substring(start, end), start, end));
        }
        return found;
    }
}
