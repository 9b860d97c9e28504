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
