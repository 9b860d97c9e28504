package news.cms.core.body.internal;

import java.text.BreakIterator;
import java.util.Locale;

/** Counts words the way the language's word breaker sees them, for any script. */
public final class Words {

    private Words() {}

    public static int count(String text, Locale locale) {
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(text);
        int count = 0;
        for (int start = words.first(), end = words.next();
                end != BreakIterator.DONE;
                start = end, end = words.next()) {
            if (hasLetterOrDigit(text, start, end)) {
                count++;
            }
        }
        return count;
    }

    private static boolean hasLetterOrDigit(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
