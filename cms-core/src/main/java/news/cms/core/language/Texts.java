package news.cms.core.language;

import java.text.Normalizer;

/**
 * One rule for every piece of text that enters the newsroom: NFC-normalised, no unpaired surrogates,
 * no control characters other than line breaks and tabs.
 */
public final class Texts {

    private Texts() {}

    /**
     * @throws InvalidText when the text holds an unpaired surrogate (broken UTF-16 or UTF-8 input)
     */
    public static String clean(String text, String field) {
        if (alreadyClean(text)) {
            // A String already in NFC comes back as it is, after a quick check: most text, and all of
            // it when stored text is read back (bench/search's JFR: copying it here was a tenth of an
            // uncached feed page's CPU).
            return Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                    continue;
                }
                throw InvalidText.brokenUnicode(field);
            }
            if (Character.isLowSurrogate(c)) {
                throw InvalidText.brokenUnicode(field);
            }
            if (c == '\r') {
                continue;
            }
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                continue;
            }
            out.append(c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** Whether nothing in the text is to be removed or refused (paired surrogates, no CR, no controls). */
    private static boolean alreadyClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Most characters in one or two comparisons: printable ASCII, then everything from U+00A0 to
            // the surrogates (Latin, Arabic, most scripts); stored text is checked again on every read.
            if (c >= ' ' && c < 0x7F || c >= 0xA0 && c < Character.MIN_SURROGATE || c == '\n') {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
                return false; // CR is a control character too
            }
        }
        return true;
    }

    /** Cleans the text and refuses it when nothing but white space is left. */
    public static String required(String text, String field) {
        if (text == null) {
            throw InvalidText.required(field);
        }
        String cleaned = clean(text, field).strip();
        if (cleaned.isEmpty()) {
            throw InvalidText.blank(field);
        }
        return cleaned;
    }
}
