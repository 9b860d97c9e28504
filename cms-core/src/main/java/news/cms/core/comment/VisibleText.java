package news.cms.core.comment;

/**
 * What readers write must be what moderators read. Two rules for names and texts:
 *
 * <ul>
 *   <li>Explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed:
 *       they can reorder what a moderator sees (a name ending in RLO + "gnp.exe" shows as "exe.png").
 *       The implicit marks (LRM, RLM, ALM) stay: they set the direction of neutral characters beside
 *       them but cannot turn a run of letters around.
 *   <li>ZWNJ and ZWJ stay where they join or part two visible characters (Sorani and Persian write
 *       words with ZWNJ, as in "بە‌ڵام"; emoji sequences need ZWJ) and go everywhere else (at the ends,
 *       beside spaces, in runs), where they only hide.
 * </ul>
 *
 * A text is blank to a reader when it holds no visible character: nothing but white space (also
 * NBSP and the other Unicode spaces), format characters (ZWSP, word joiner, BOM, soft hyphen...),
 * default-ignorable fillers (U+3164 Hangul filler, U+115F, U+1160, U+FFA0, variation selectors) or
 * the blank braille pattern U+2800.
 */
final class VisibleText {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private VisibleText() {}

    /** The text without bidi embeddings, overrides and isolates, and without stray joiners. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] cps = text.codePoints().filter(cp -> !isBidiControl(cp)).toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (!isJoiner(cp)) {
                out.appendCodePoint(cp);
                continue;
            }
            int end = i;
            while (end + 1 < cps.length && isJoiner(cps[end + 1])) {
                end++;
            }
            // One joiner of a run, and only between two visible characters.
            if (i > 0 && end + 1 < cps.length && isVisible(cps[i - 1]) && isVisible(cps[end + 1])) {
                out.appendCodePoint(cp);
            }
            i = end;
        }
        return out.toString();
    }

    /**
     * {@link #tidy(String)}, unless that leaves nothing but white space: then the text as it was, so
     * that what was stored before these rules still loads (a new comment is refused as invisible).
     */
    static String tidyKeepingLegacy(String text) {
        if (text == null) {
            return null;
        }
        String tidied = tidy(text);
        return tidied.isBlank() ? text : tidied;
    }

    /** Whether a reader would see anything of the text. */
    static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(VisibleText::isVisible);
    }

    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean isJoiner(int cp) {
        return cp == ZWNJ || cp == ZWJ;
    }

    static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return false;
        }
        return !isIgnorableFiller(cp);
    }

    // Default_Ignorable_Code_Point characters that are not format characters, and the blank braille cell.
    private static boolean isIgnorableFiller(int cp) {
        return cp == 0x034F // combining grapheme joiner
                || cp == 0x115F
                || cp == 0x1160 // Hangul choseong and jungseong fillers
                || cp == 0x17B4
                || cp == 0x17B5 // Khmer inherent vowels
                || (cp >= 0x180B && cp <= 0x180F) // Mongolian free variation selectors
                || cp == 0x2800 // braille pattern blank
                || cp == 0x3164 // Hangul filler
                || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
                || cp == 0xFFA0 // halfwidth Hangul filler
                || (cp >= 0xE0100 && cp <= 0xE01EF); // variation selectors supplement
    }
}
