package news.cms.core.screening.internal;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Script-aware normalisation for matching, keeping an offset map to the original text. Per code
 * point: invisible format characters (ZWNJ, ZWJ, bidi marks, soft hyphen…) and tatweel are dropped;
 * Turkish İ and ı fold to i; NFKC (fullwidth letters, Arabic presentation forms, ligatures);
 * non-spacing marks dropped (harakat; NFC text keeps Latin accents precomposed, so é and ş stay);
 * lower case; Arabic/Persian/Kurdish letter variants unified (ي ی ى ې ئ → ي, ك ک → ك, ه ە ة ۀ ھ → ه,
 * أ إ آ ٱ → ا, ؤ → و); Arabic-Indic and Persian digits → ASCII digits.
 *
 * <p>{@link #forWords} adds Latin leetspeak (0 1 3 4 5 7 @ $ ! inside a token that has letters) and
 * cuts runs of three or more equal letters down to two: "fuuuuck" → "fuuck", "asssss" → "ass", while
 * real doubles such as "kill" or Sorani "وو" stay. Rules then let each single letter of a term match
 * one or two letters (see {@link TermRule}).
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** For word rules: everything above plus leetspeak and repeated-letter collapse. */
    public static NormalizedText forWords(String original) {
        return normalize(original, true);
    }

    /** For link, handle and phone patterns: no leetspeak (@ and digits keep their meaning), no collapse. */
    public static NormalizedText forPatterns(String original) {
        return normalize(original, false);
    }

    private static NormalizedText normalize(String original, boolean words) {
        boolean[] leet = words ? leetPositions(original) : new boolean[original.length()];
        StringBuilder out = new StringBuilder(original.length());
        int[] from = new int[original.length() * 2 + 8];
        int[] to = new int[from.length];
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isInvisible(cp)) {
                widenLastLetter(out, to, next);
            } else {
                String expanded = cp == 0x130 || cp == 0x131
                        ? "i"
                        : Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
                for (int j = 0; j < expanded.length(); ) {
                    int c = expanded.codePointAt(j);
                    j += Character.charCount(c);
                    int type = Character.getType(c);
                    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || isInvisible(c)) {
                        widenLastLetter(out, to, next);
                        continue;
                    }
                    c = leet[i] ? leetLetter(c) : c;
                    c = unify(Character.toLowerCase(c));
                    int len = out.length();
                    if (words
                            && Character.isLetter(c)
                            && len >= 2
                            && out.codePointBefore(len) == c
                            && out.codePointBefore(len - Character.charCount(c)) == c) {
                        // A third equal letter: widen the last one instead of keeping it.
                        for (int k = len - Character.charCount(c); k < len; k++) {
                            to[k] = next;
                        }
                        continue;
                    }
                    out.appendCodePoint(c);
                    if (out.length() > from.length) {
                        from = Arrays.copyOf(from, out.length() * 2);
                        to = Arrays.copyOf(to, from.length);
                    }
                    for (int k = len; k < out.length(); k++) {
                        from[k] = i;
                        to[k] = next;
                    }
                }
            }
            i = next;
        }
        return new NormalizedText(out.toString(), from, to);
    }

    // A dropped mark or tatweel belongs to the letter before it, so a highlight covers the whole word.
    private static void widenLastLetter(StringBuilder out, int[] to, int next) {
        int len = out.length();
        if (len > 0 && Character.isLetter(out.codePointBefore(len))) {
            for (int k = len - Character.charCount(out.codePointBefore(len)); k < len; k++) {
                to[k] = next;
            }
        }
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x0640 // tatweel
                || Character.getType(cp) == Character.FORMAT // ZWNJ, ZWJ, LRM/RLM, bidi controls, soft hyphen, BOM
                || cp == 0x034F // combining grapheme joiner
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x3164; // Hangul fillers, used as invisible letters
    }

    private static int unify(int c) {
        return switch (c) {
            case 'ی', 'ى', 'ې', 'ئ', 'ۍ' -> 'ي';
            case 'ک', 'ڪ' -> 'ك';
            case 'ە', 'ة', 'ۀ', 'ھ', 'ہ' -> 'ه';
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ؤ' -> 'و';
            default -> {
                if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) {
                    yield '0' + Character.digit(c, 10);
                }
                yield c;
            }
        };
    }

    private static int leetLetter(int c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static boolean isLeet(int c) {
        return leetLetter(c) != c;
    }

    /**
     * Leet characters count as letters only inside a token (a run of letters, marks, digits and leet
     * symbols) that holds a real letter, so "2026" and "$100" stay numbers; a trailing "!" stays
     * punctuation ("idiot!" is not "idioti").
     */
    private static boolean[] leetPositions(String s) {
        boolean[] leet = new boolean[s.length()];
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!inToken(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean hasLetter = false;
            int lastNonBang = -1;
            while (i < s.length() && inToken(cp = s.codePointAt(i))) {
                hasLetter |= Character.isLetter(cp);
                if (cp != '!') {
                    lastNonBang = i;
                }
                i += Character.charCount(cp);
            }
            if (hasLetter) {
                for (int k = start; k < i; k++) {
                    char c = s.charAt(k);
                    leet[k] = c < 0x80 && isLeet(c) && !(c == '!' && k > lastNonBang);
                }
            }
        }
        return leet;
    }

    private static boolean inToken(int cp) {
        return Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || (cp < 0x80 && isLeet(cp));
    }
}
