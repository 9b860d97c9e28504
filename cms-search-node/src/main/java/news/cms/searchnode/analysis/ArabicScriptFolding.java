package news.cms.searchnode.analysis;

/**
 * Folds the spelling variants of Arabic-script text that writers of Arabic, Sorani Kurdish and
 * Persian use interchangeably (different keyboards, copy-paste from other sites) into one letter per
 * class, so that a word typed one way finds the same word typed the other way.
 *
 * <ul>
 *   <li>yeh class: Arabic yeh {@code ي} U+064A, alef maksura {@code ى} U+0649, Farsi yeh {@code ی}
 *       U+06CC;
 *   <li>kaf class: Arabic kaf {@code ك} U+0643, keheh {@code ک} U+06A9, swash kaf {@code ڪ} U+06AA;
 *   <li>heh class: heh {@code ه} U+0647, Kurdish ae {@code ە} U+06D5, teh marbuta {@code ة} U+0629,
 *       heh doachashmee {@code ھ} U+06BE, heh goal {@code ہ} U+06C1, heh with yeh above {@code ۀ}
 *       U+06C0;
 *   <li>removed: tatweel U+0640, harakat and other Arabic combining marks (U+0610–U+061A,
 *       U+064B–U+065F, U+0670, U+06D6–U+06ED except the letters in that range), and every invisible
 *       format character (Unicode category Cf: ZWNJ U+200C, ZWJ U+200D, direction marks, ...);
 *   <li>digits: Arabic-Indic U+0660–U+0669 and Eastern Arabic-Indic U+06F0–U+06F9 become ASCII 0–9.
 * </ul>
 *
 * <p>The {@link Target} says which letter of each class survives: the Sorani analyzer folds into
 * Sorani letters because Lucene's Sorani stemmer and stop words are written with them; the Arabic
 * analyzer folds into Arabic letters for the same reason. Either way all members of a class meet.
 */
public final class ArabicScriptFolding {

    /** Which letter of each class the folding keeps. */
    public enum Target {
        /** ي ك ه: the letters of the Arabic alphabet (Lucene's Arabic normaliser and stemmer use them). */
        ARABIC('\u064A', '\u0643', '\u0647'),
        /** ی ک ە: the letters of the Sorani alphabet (Lucene's Sorani normaliser and stemmer use them). */
        SORANI('\u06CC', '\u06A9', '\u06D5');

        final char yeh;
        final char kaf;
        final char heh;

        Target(char yeh, char kaf, char heh) {
            this.yeh = yeh;
            this.kaf = kaf;
            this.heh = heh;
        }
    }

    private ArabicScriptFolding() {}

    /**
     * Folds {@code buffer[0..length)} in place.
     *
     * @return the new length (never longer: characters are only replaced or removed)
     */
    public static int fold(char[] buffer, int length, Target target) {
        int out = 0;
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            char folded = fold(c, target);
            if (folded != REMOVE) {
                buffer[out++] = folded;
            }
        }
        return out;
    }

    /** Folds a string; handy for stop word sets and tests. */
    public static String fold(CharSequence text, Target target) {
        char[] chars = text.toString().toCharArray();
        return new String(chars, 0, fold(chars, chars.length, target));
    }

    private static final char REMOVE = '\uFFFF';

    static char fold(char c, Target target) {
        if (c < '\u0600') {
            return c;
        }
        switch (c) {
            case '\u064A', '\u0649', '\u06CC' -> {
                return target.yeh;
            }
            case '\u0643', '\u06A9', '\u06AA' -> {
                return target.kaf;
            }
            case '\u0647', '\u06D5', '\u0629', '\u06BE', '\u06C1', '\u06C0' -> {
                return target.heh;
            }
            case '\u0640' -> {
                return REMOVE;
            }
            default -> {
                // fall through to the ranges below
            }
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || (c >= '\u0610' && c <= '\u061A')) {
            return REMOVE;
        }
        if (c >= '\u06D6' && c <= '\u06ED' && Character.getType(c) == Character.NON_SPACING_MARK) {
            return REMOVE;
        }
        if (Character.getType(c) == Character.FORMAT) {
            return REMOVE;
        }
        return c;
    }
}
