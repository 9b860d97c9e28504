package news.cms.searchnode.analysis;

/**
 * Folds the letters a writer types differently on another keyboard, or leaves out, into one: lossy
 * on purpose, so it feeds a sub-field ranked below the exact one (see {@code CmsAnalyzers}), never
 * the language's main field. Runs after {@link ArabicScriptFolding}, which already merges yeh, kaf
 * and heh classes, teh marbuta, tatweel, harakat and invisible characters.
 *
 * <ul>
 *   <li>Sorani letters missing from an Arabic keyboard: reh with a small v {@code ڕ} U+0695 (and
 *       {@code ڒ} U+0692) to reh {@code ر}, lam with a small v {@code ڵ} U+06B5 to lam {@code ل},
 *       yeh with a small v {@code ێ} U+06CE to the target's yeh, oe {@code ۆ} U+06C6 to waw {@code و};
 *   <li>hamza carriers: alef with hamza above or below, alef with madda, alef wasla ({@code أ إ آ ٱ})
 *       to bare alef {@code ا}, waw with hamza {@code ؤ} to waw, yeh with hamza {@code ئ} to the
 *       target's yeh.
 * </ul>
 *
 * <p>Arabic writes one word with its hamza on waw or on yeh (مسؤول, مسئول) or leaves the hamza out
 * (مسوول): {@link #hamzaForm} gives a second spelling of such a word, with every seated hamza as a
 * bare hamza {@code ء}, that the first two share.
 */
public final class TypingVariants {

    static final char HAMZA = '\u0621';
    private static final char ALEF = '\u0627';
    private static final char REH = '\u0631';
    private static final char LAM = '\u0644';
    private static final char WAW = '\u0648';
    private static final char WAW_HAMZA = '\u0624';
    private static final char YEH_HAMZA = '\u0626';

    private TypingVariants() {}

    /**
     * Folds {@code buffer[0..length)} in place; the length never changes (letters are only replaced).
     */
    public static void fold(char[] buffer, int length, ArabicScriptFolding.Target target) {
        for (int i = 0; i < length; i++) {
            buffer[i] = fold(buffer[i], target);
        }
    }

    /** Folds a string; handy for stop word sets and tests. */
    public static String fold(CharSequence text, ArabicScriptFolding.Target target) {
        char[] chars = text.toString().toCharArray();
        fold(chars, chars.length, target);
        return new String(chars);
    }

    /** Whether the term holds a hamza seated on waw or yeh, and so has a {@link #hamzaForm}. */
    public static boolean hasSeatedHamza(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == WAW_HAMZA || buffer[i] == YEH_HAMZA) {
                return true;
            }
        }
        return false;
    }

    /** The term folded, but with every hamza on waw or yeh written as a bare hamza. */
    public static String hamzaForm(char[] buffer, int length, ArabicScriptFolding.Target target) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            out[i] = c == WAW_HAMZA || c == YEH_HAMZA ? HAMZA : fold(c, target);
        }
        return new String(out);
    }

    static char fold(char c, ArabicScriptFolding.Target target) {
        return switch (c) {
            case '\u0695', '\u0692' -> REH;
            case '\u06B5' -> LAM;
            case '\u06CE', YEH_HAMZA -> target.yeh;
            case '\u06C6', WAW_HAMZA -> WAW;
            case '\u0623', '\u0625', '\u0622', '\u0671' -> ALEF;
            default -> c;
        };
    }
}
