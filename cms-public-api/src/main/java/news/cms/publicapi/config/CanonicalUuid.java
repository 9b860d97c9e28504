package news.cms.publicapi.config;

/**
 * The one spelling of an id in our URLs: a UUID as {@link java.util.UUID#toString()} writes it, 36
 * characters of lower-case hex digits with hyphens at 8, 13, 18 and 23. Checked by hand rather than
 * with a regular expression because every cached read checks one (bench/public-api's profile showed
 * the matcher at about 2 % of a cached article read).
 */
public final class CanonicalUuid {

    private CanonicalUuid() {}

    public static boolean matches(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
