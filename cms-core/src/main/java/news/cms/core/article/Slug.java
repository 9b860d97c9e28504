package news.cms.core.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The readable part of an article's address: letters and digits of any script, joined by hyphens.
 */
public record Slug(String value) {

    public static final int MAX_LENGTH = 120;
    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(-[\\p{L}\\p{M}\\p{N}]+)*");

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a slug is letters and digits joined by single hyphens, at most "
                    + MAX_LENGTH + " characters: " + value);
        }
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
