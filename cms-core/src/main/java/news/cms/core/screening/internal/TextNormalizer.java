package news.cms.core.screening.internal;

import com.ibm.icu.text.Normalizer2;
import org.jspecify.annotations.Nullable;

/**
 * Script-aware normalisation for matching, keeping an offset map to the original text.
 *
 * <p>{@link #fold} works per code point: invisible format characters (ZWNJ, ZWJ, bidi marks, soft
 * hyphen…) and tatweel are dropped; Turkish İ and ı fold to i; NFKC (fullwidth letters, Arabic
 * presentation forms, ligatures, mathematical letters); non-spacing marks dropped (harakat; NFC text
 * keeps Latin accents precomposed, so é and ş stay); lower case; letters of a third script (Cyrillic,
 * Greek, Armenian…) replaced by the Latin letter they look like ({@link Confusables}); Arabic, Persian
 * and Kurdish letter variants unified (ي ی ى ې ئ → ي, ك ک → ك, ه ە ة ۀ ھ → ه, أ إ آ ٱ → ا, ؤ → و);
 * Arabic-Indic and Persian digits → ASCII digits. Turkish letters typed as ASCII and Sorani typed on
 * an Arabic keyboard are not folded here but in the rules (a listed ö also matches o, never the other
 * way), so that Sorani کەڕ "deaf" stays apart from کەر "donkey".
 *
 * <p>{@link #words} adds Latin leetspeak (0 1 3 4 5 7 @ $ ! inside a token that has letters), turns
 * masking characters inside a word ({@code * _ # @}) into {@link #MASK}, which rules take for any
 * letter, and cuts runs of three or more equal letters down to two: "fuuuuck" → "fuuck", while real
 * doubles such as "kill" or Sorani "وو" stay. {@link #rejoin} undoes letters spaced or dotted apart.
 */
public final class TextNormalizer {

    /** Stands for a masked letter ("f*ck", "id_ot"); not a letter, so word boundaries ignore it. */
    public static final char MASK = '\uE000';

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private TextNormalizer() {}

    /** For word rules: {@link #fold} and {@link #words}. */
    public static NormalizedText forWords(String original) {
        return words(fold(original), true);
    }

    /** For link, handle and phone patterns: no leetspeak (@ and digits keep their meaning), no collapse. */
    public static NormalizedText forPatterns(String original) {
        return fold(original);
    }

    /** The per-code-point folding described above. */
    public static NormalizedText fold(String original) {
        NormalizedText.Builder out = new NormalizedText.Builder(original.length());
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                out.append(Character.toLowerCase(cp), i, next);
            } else if (isInvisible(cp)) {
                widenLastLetter(out, next);
            } else if (cp == 0x130 || cp == 0x131) {
                out.append('i', i, next);
            } else if (NFKC.isInert(cp)) {
                foldOne(cp, out, i, next);
            } else {
                String expanded = NFKC.normalize(Character.toString(cp));
                for (int j = 0; j < expanded.length(); ) {
                    int c = expanded.codePointAt(j);
                    j += Character.charCount(c);
                    foldOne(c, out, i, next);
                }
            }
            i = next;
        }
        return out.build();
    }

    private static void foldOne(int c, NormalizedText.Builder out, int start, int end) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || isInvisible(c)) {
            widenLastLetter(out, end);
            return;
        }
        c = Character.toLowerCase(c);
        if (c == 0x131) {
            c = 'i';
        }
        String lookAlike = Confusables.latin(c);
        if (lookAlike != null) {
            for (int k = 0; k < lookAlike.length(); k++) {
                out.append(lookAlike.charAt(k), start, end);
            }
            return;
        }
        out.append(unify(c), start, end);
    }

    /**
     * Leetspeak, masks and repeated-letter collapse over a folded text.
     *
     * @param leet false for Arabizi, where digits are letters of their own
     */
    public static NormalizedText words(NormalizedText folded, boolean leet) {
        String s = folded.text();
        int[] kind = leet ? tokenKinds(s) : new int[s.length()];
        NormalizedText.Builder out = new NormalizedText.Builder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            int start = folded.originalStart(i);
            int end = folded.originalEnd(next);
            if (kind[i] == LEET) {
                c = leetLetter(c);
            } else if (kind[i] == MASKED) {
                c = MASK;
            }
            int len = out.length();
            if (Character.isLetter(c)
                    && len >= 2
                    && out.codePointBefore(len) == c
                    && out.codePointBefore(len - Character.charCount(c)) == c) {
                out.widenLast(end); // a third equal letter widens the last one instead of being kept
            } else {
                out.append(c, start, end);
            }
            i = next;
        }
        return out.build();
    }

    /**
     * Rejoins letters spaced or dotted apart ("k i l l", "k.i.l.l", "w w w . e x a m p l e . c o m"):
     * in a run of three or more single letters, the separator used most often is dropped and any
     * other keeps its punctuation ("." stays a dot) or becomes one space.
     *
     * @return null when the text has no such run
     */
    public static @Nullable NormalizedText rejoin(NormalizedText folded) {
        String s = folded.text();
        boolean[] drop = new boolean[s.length()];
        boolean[] space = new boolean[s.length()];
        boolean any = false;
        int i = 0;
        while (i < s.length()) {
            if (!isSingle(s, i)) {
                i++;
                continue;
            }
            // Collect the run: single, separator, single, separator, ...
            java.util.List<int[]> separators = new java.util.ArrayList<>();
            int singles = 1;
            int letters = Character.isLetter(s.charAt(i)) ? 1 : 0;
            int at = i + 1;
            while (true) {
                int sepEnd = at;
                while (sepEnd < s.length() && sepEnd - at < 3 && isSeparator(s.charAt(sepEnd))) {
                    sepEnd++;
                }
                if (sepEnd == at || sepEnd >= s.length() || !isSingle(s, sepEnd)) {
                    break;
                }
                separators.add(new int[] {at, sepEnd});
                singles++;
                letters += Character.isLetter(s.charAt(sepEnd)) ? 1 : 0;
                at = sepEnd + 1;
            }
            if (singles >= 3 && letters >= 2) {
                String common = mostCommon(s, separators);
                for (int[] sep : separators) {
                    String text = s.substring(sep[0], sep[1]);
                    boolean blank = text.isBlank();
                    for (int k = sep[0]; k < sep[1]; k++) {
                        boolean ws = Character.isWhitespace(s.charAt(k));
                        drop[k] = text.equals(common) || ws;
                    }
                    if (!text.equals(common) && blank) {
                        drop[sep[0]] = false;
                        space[sep[0]] = true;
                    }
                }
                any = true;
            }
            i = at;
        }
        if (!any) {
            return null;
        }
        NormalizedText.Builder out = new NormalizedText.Builder(s.length());
        for (int k = 0; k < s.length(); k++) {
            if (!drop[k]) {
                out.append(space[k] ? ' ' : s.charAt(k), folded.originalStart(k), folded.originalEnd(k + 1));
            }
        }
        return out.build();
    }

    private static String mostCommon(String s, java.util.List<int[]> separators) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        String best = "";
        int bestCount = 0;
        for (int[] sep : separators) {
            String text = s.substring(sep[0], sep[1]);
            int n = counts.merge(text, 1, Integer::sum);
            if (n > bestCount) {
                best = text;
                bestCount = n;
            }
        }
        return best;
    }

    private static boolean isSingle(String s, int i) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c) || !(Character.isLetterOrDigit(c) || isLeet(c))) {
            return false;
        }
        boolean alone =
                (i == 0 || !isWordChar(s.charAt(i - 1))) && (i + 1 == s.length() || !isWordChar(s.charAt(i + 1)));
        return alone;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isSeparator(char c) {
        return c == ' '
                || c == '.'
                || c == '-'
                || c == '_'
                || c == '*'
                || c == '·'
                || c == '|'
                || c == '/'
                || c == '\u00A0';
    }

    // A dropped mark or tatweel belongs to the letter before it, so a highlight covers the whole word.
    private static void widenLastLetter(NormalizedText.Builder out, int next) {
        int len = out.length();
        if (len > 0 && Character.isLetter(out.codePointBefore(len))) {
            out.widenLast(next);
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

    static int unify(int c) {
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

    private static boolean isMaskChar(int c) {
        return c == '*' || c == '_' || c == '#' || c == '@';
    }

    private static final int PLAIN = 0;
    private static final int LEET = 1;
    private static final int MASKED = 2;

    /**
     * Per char: leet characters count as letters only inside a token (a run of letters, marks, digits,
     * leet and mask symbols) that holds a real letter, so "2026" and "$100" stay numbers; a trailing
     * "!" stays punctuation ("idiot!" is not "idioti"). Mask characters count as masked letters inside
     * a token with two real letters or more; an "@" that starts a token stays leet ("@ss").
     */
    private static int[] tokenKinds(String s) {
        int[] kind = new int[s.length()];
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!inToken(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int letters = 0;
            int lastNonBang = -1;
            while (i < s.length() && inToken(cp = s.codePointAt(i))) {
                letters += Character.isLetter(cp) ? 1 : 0;
                if (cp != '!') {
                    lastNonBang = i;
                }
                i += Character.charCount(cp);
            }
            if (letters == 0) {
                continue;
            }
            for (int k = start; k < i; k++) {
                char c = s.charAt(k);
                boolean leadingAt = c == '@' && k == start;
                if (isMaskChar(c) && !leadingAt && letters >= 2) {
                    kind[k] = MASKED;
                } else if (c < 0x80 && isLeet(c) && !(c == '!' && k > lastNonBang)) {
                    kind[k] = LEET;
                }
            }
        }
        return kind;
    }

    private static boolean inToken(int cp) {
        return Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || (cp < 0x80 && (isLeet(cp) || isMaskChar(cp)));
    }
}
