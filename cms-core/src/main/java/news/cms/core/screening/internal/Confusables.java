package news.cms.core.screening.internal;

import com.ibm.icu.text.SpoofChecker;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Look-alike letters from a third script (a Cyrillic і or о inside a Latin word, a Greek ο) read as
 * the Latin letters they imitate, by ICU's confusables skeleton (UTS #39). Only letters outside Latin
 * and Arabic are mapped: the skeleton of a Latin word itself is not a word ("m" becomes "rn"), and
 * Arabic-script variants are unified by {@link TextNormalizer} with the offsets kept.
 */
final class Confusables {

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final String NONE = "";
    private static final ConcurrentHashMap<Integer, String> CACHE = new ConcurrentHashMap<>();

    private Confusables() {}

    /** The Latin letters a lower-case letter of another script stands for, or null to keep it. */
    static @Nullable String latin(int c) {
        if (c < 0x370 || !Character.isLetter(c)) {
            return null;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.ARABIC
                || script == Character.UnicodeScript.COMMON
                || script == Character.UnicodeScript.INHERITED) {
            return null;
        }
        String mapped = CACHE.computeIfAbsent(c, Confusables::skeleton);
        return mapped.isEmpty() ? null : mapped;
    }

    private static String skeleton(int c) {
        String skeleton = SPOOF.getSkeleton(Character.toString(c));
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < skeleton.length(); ) {
            int k = skeleton.codePointAt(i);
            i += Character.charCount(k);
            if (k == 0x138) {
                k = 'k'; // kra, the skeleton of Cyrillic к and Greek κ
            }
            if (k >= 0x80 || !Character.isLetter(k)) {
                return NONE;
            }
            latin.append(Character.toLowerCase((char) k));
        }
        return latin.isEmpty() ? NONE : latin.toString();
    }
}
