package news.cms.core.article;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The readable part of an article's address: letters and digits of any script, joined by hyphens.
 */
public record Slug(String value) {

    public static final int MAX_LENGTH = 120;

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !wellFormed(value)) {
            throw new IllegalArgumentException("a slug is letters and digits joined by single hyphens, at most "
                    + MAX_LENGTH + " characters: " + value);
        }
    }

    /**
     * Runs of letters, marks and digits ({@code \p{L}}, {@code \p{M}}, {@code \p{N}}) joined by
     * single hyphens. Written out rather than as a regular expression: every article read back is
     * checked, 50 on an uncached feed page (bench/search's JFR had the pattern at 2 % of such a page).
     */
    private static boolean wellFormed(String value) {
        boolean afterHyphen = true; // at the start, as after a hyphen: a run must come first
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == '-') {
                if (afterHyphen) {
                    return false;
                }
                afterHyphen = true;
            } else if (letterMarkOrDigit(c)) {
                afterHyphen = false;
            } else {
                return false;
            }
        }
        return !afterHyphen;
    }

    private static boolean letterMarkOrDigit(int c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** A slug made from a headline in any script, e.g. "Erbil opens new library" → erbil-opens-new-library. */
    public static Slug fromHeadline(String headline, Locale locale) {
        String normal = Normalizer.normalize(headline, Normalizer.Form.NFC).toLowerCase(locale);
        String joined = normal.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (joined.length() > MAX_LENGTH) {
            joined = joined.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return new Slug(joined.isEmpty() ? "story" : joined);
    }

    /** This slug with a suffix that keeps it unique, still within the length limit. */
    public Slug withSuffix(String suffix) {
        String base = value.length() + suffix.length() + 1 > MAX_LENGTH
                ? value.substring(0, MAX_LENGTH - suffix.length() - 1).replaceAll("-+$", "")
                : value;
        return new Slug(base + "-" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
