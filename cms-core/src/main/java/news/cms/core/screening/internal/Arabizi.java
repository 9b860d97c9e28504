package news.cms.core.screening.internal;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Arabic and Sorani written in Latin letters, with digits for the letters Latin lacks (Arabizi:
 * 2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ, 9 ق): builds, from a listed Arabic-script term, a pattern over the
 * lower-cased Latin text. Arabic leaves short vowels unwritten, so any short vowel may sit between two
 * letters; Sorani writes its vowels (ە e, ێ ê, ۆ o), so only the unwritten i may.
 */
final class Arabizi {

    private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final String ARABIC_SUFFIX = "(?:ak|ek|ik|ha|hom|hum|kom|kum|een|oon|in|at|an|k|y|i|a|e)?";
    private static final String SORANI_SUFFIX = "(?:ekan|eke|yan|tan|man|it|in|an|e|i|n|t|y)?";

    private static final Map<Character, String> ARABIC = Map.ofEntries(
            Map.entry('ء', "(?:2|')"),
            Map.entry('ا', "(?:a{1,2}|e|2[aeiou]?|[aeiou]?)"),
            Map.entry('ب', "(?:b|p)"),
            Map.entry('ت', "t"),
            Map.entry('ث', "(?:th|t|s)"),
            Map.entry('ج', "(?:j|g|dj)"),
            Map.entry('ح', "(?:7|h)"),
            Map.entry('خ', "(?:5|kh|7'|x)"),
            Map.entry('د', "d"),
            Map.entry('ذ', "(?:th|dh|z|d)"),
            Map.entry('ر', "r"),
            Map.entry('ز', "z"),
            Map.entry('س', "s"),
            Map.entry('ش', "(?:sh|ch|\\$)"),
            Map.entry('ص', "(?:s|9')"),
            Map.entry('ض', "(?:d|dh|9')"),
            Map.entry('ط', "(?:6|t)"),
            Map.entry('ظ', "(?:6'|z|dh)"),
            Map.entry('ع', "(?:3|')"),
            Map.entry('غ', "(?:8|gh|3')"),
            Map.entry('ف', "f"),
            Map.entry('ق', "(?:9|q|2|g|k)"),
            Map.entry('ك', "(?:k|ch)"),
            Map.entry('ل', "l"),
            Map.entry('م', "m"),
            Map.entry('ن', "n"),
            Map.entry('ه', "(?:h|a|e)"),
            Map.entry('و', "(?:w|o{1,2}|u|ou)"),
            Map.entry('ي', "(?:y|i{1,2}|ee|e|ie)"));

    private static final Map<Character, String> SORANI = Map.ofEntries(
            Map.entry('ا', "a{1,2}"),
            Map.entry('ب', "b"),
            Map.entry('پ', "p"),
            Map.entry('ت', "t"),
            Map.entry('ج', "(?:j|c)"),
            Map.entry('چ', "(?:ch|ç|c)"),
            Map.entry('ح', "(?:7|h|ḧ)"),
            Map.entry('خ', "(?:5|x|kh)"),
            Map.entry('د', "d"),
            Map.entry('ر', "r"),
            Map.entry('ڕ', "(?:r{1,2}|ř)"),
            Map.entry('ز', "z"),
            Map.entry('ژ', "(?:zh|j|ž)"),
            Map.entry('س', "s"),
            Map.entry('ش', "(?:sh|ş|s)"),
            Map.entry('ع', "(?:3|')"),
            Map.entry('غ', "(?:8|gh|ẍ)"),
            Map.entry('ف', "f"),
            Map.entry('ڤ', "v"),
            Map.entry('ق', "(?:9|q)"),
            Map.entry('ك', "k"),
            Map.entry('گ', "g"),
            Map.entry('ل', "l"),
            Map.entry('ڵ', "(?:l{1,2}|ł)"),
            Map.entry('م', "m"),
            Map.entry('ن', "n"),
            Map.entry('ه', "(?:e|a|h)"),
            Map.entry('و', "(?:w|u{1,2}|û|o{1,2})"),
            Map.entry('ۆ', "(?:o|ô)"),
            Map.entry('ي', "(?:y|i|î|ee)"),
            Map.entry('ێ', "(?:ê|e|ey|ei)"));

    private Arabizi() {}

    /**
     * @param sorani whether the term is Sorani (written vowels) rather than Arabic
     * @return null when the term has a letter without a Latin spelling
     */
    static @Nullable Pattern pattern(String normalTerm, boolean sorani) {
        Map<Character, String> letters = sorani ? SORANI : ARABIC;
        String between = sorani ? "i?" : "[aeiou]{0,2}";
        StringBuilder regex = new StringBuilder(BEFORE);
        if (!sorani) {
            regex.append("(?:[ae]l-?)?");
        }
        String term = normalTerm.strip();
        boolean wordStart = true;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c)) {
                regex.append("[\\s\\p{P}]+");
                wordStart = true;
                continue;
            }
            if (c == 'ئ' && sorani) {
                continue; // the silent seat of a vowel at the start of a Sorani word
            }
            String latin = letters.get(c);
            if (latin == null) {
                return null;
            }
            if (!wordStart) {
                regex.append(between);
            }
            regex.append("(?:").append(latin).append("){1,2}");
            wordStart = false;
        }
        regex.append(sorani ? SORANI_SUFFIX : ARABIC_SUFFIX).append(AFTER);
        return Pattern.compile(regex.toString());
    }

    /** Whether a Latin token carries one of Arabizi's digits next to a letter ("7mar", "8abi"). */
    static boolean hasArabiziToken(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ("235789".indexOf(c) >= 0 || c == '6') {
                boolean before = i > 0 && isLatin(folded.charAt(i - 1));
                boolean after = i + 1 < folded.length() && isLatin(folded.charAt(i + 1));
                if (before || after) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetter(c);
    }
}
