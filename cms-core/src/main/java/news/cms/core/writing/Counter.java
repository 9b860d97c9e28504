package news.cms.core.writing;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import news.cms.core.language.LanguageTag;

/**
 * Counts words and characters as a reader of the language would (ADR 0028).
 *
 * <p>Words are ICU's word segments (Unicode text segmentation, with the language's locale) that hold
 * a letter or a digit: punctuation, the Arabic comma and question mark, and spaces are no words; a
 * number such as {@code 40,000} or {@code ٤٠٬٠٠٠} is one; an apostrophe inside a word keeps it whole
 * (Turkish {@code İzmir'de}, English {@code council's}); a zero-width non-joiner (Sorani
 * {@code نووسەر‌ەکان}) and a tatweel ({@code كـتاب}) stay inside their word. Two segments joined by a
 * hyphen with nothing between count once ({@code well-known}, {@code COVID-19}), as they do in the
 * word processors reporters know.
 *
 * <p>Characters are grapheme clusters (a letter with its vowel marks is one), with runs of white space
 * counted as one and the ends trimmed; a tatweel and invisible marks (ZWNJ, ZWJ, direction marks) are
 * not characters a reader sees, so they add nothing.
 */
public final class Counter {

    private static final int TATWEEL = 0x0640;

    /**
     * Per language, an iterator that is never used itself, only cloned. ICU keeps one iterator of
     * each kind for the last locale asked, so asking in turn for four languages made each call build
     * one again from ICU's data in the jar: in bench/search's JFR, a sixth of an uncached feed page's
     * CPU. A clone shares the compiled rules and costs little. Keyed by the primary language
     * subtag (the segmentation rules do not differ by region), so the maps stay as small as the set
     * of languages CLDR names, whatever tags arrive.
     */
    private static final ConcurrentMap<String, BreakIterator> WORDS = new ConcurrentHashMap<>();

    private static final ConcurrentMap<String, BreakIterator> CHARACTERS = new ConcurrentHashMap<>();

    private Counter() {}

    public static TextCount count(String text, LanguageTag language) {
        return new TextCount(words(text, language), characters(text, language));
    }

    public static int words(String text, LanguageTag language) {
        if (text.isEmpty()) {
            return 0;
        }
        BreakIterator segments = (BreakIterator) WORDS.computeIfAbsent(
                        language.primary(), tag -> BreakIterator.getWordInstance(ULocale.forLanguageTag(tag)))
                .clone();
        segments.setText(text);
        int count = 0;
        int lastWordEnd = -1;
        for (int start = segments.first(), end = segments.next();
                end != BreakIterator.DONE;
                start = end, end = segments.next()) {
            if (!hasLetterOrDigit(text, start, end)) {
                continue;
            }
            boolean joined = lastWordEnd >= 0 && start - lastWordEnd == 1 && isHyphen(text.charAt(lastWordEnd));
            if (!joined) {
                count++;
            }
            lastWordEnd = end;
        }
        return count;
    }

    public static int characters(String text, LanguageTag language) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        BreakIterator clusters = (BreakIterator) CHARACTERS
                .computeIfAbsent(
                        language.primary(), tag -> BreakIterator.getCharacterInstance(ULocale.forLanguageTag(tag)))
                .clone();
        clusters.setText(trimmed);
        int count = 0;
        boolean afterSpace = false;
        for (int start = clusters.first(), end = clusters.next();
                end != BreakIterator.DONE;
                start = end, end = clusters.next()) {
            int first = trimmed.codePointAt(start);
            if (UCharacter.isUWhiteSpace(first)) {
                if (!afterSpace) {
                    count++;
                }
                afterSpace = true;
                continue;
            }
            if (isInvisible(trimmed, start, end)) {
                continue;
            }
            afterSpace = false;
            count++;
        }
        return count;
    }

    private static boolean isInvisible(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (cp != TATWEEL && !UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (cp != TATWEEL && UCharacter.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
