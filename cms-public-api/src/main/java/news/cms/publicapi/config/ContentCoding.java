package news.cms.publicapi.config;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which content coding a client gets, from its {@code Accept-Encoding} (RFC 9110 section 12.5.3):
 * gzip when it takes gzip ({@code gzip}, {@code x-gzip} or {@code *} with a quality above 0) at least
 * as much as it says it takes identity; else identity, which is also what a client that names no
 * coding, or refuses every one, gets. Unreadable members are ignored rather than refused: a
 * compression preference is no reason to fail a read.
 */
public final class ContentCoding {

    private ContentCoding() {}

    /** Whether to answer with the gzip form. */
    public static boolean gzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        double gzip = -1;
        double identity = -1;
        double any = -1;
        for (String member : acceptEncoding.split(",")) {
            String[] parts = member.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if (coding.isEmpty()) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.length() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
                    q = quality(parameter.substring(2).strip());
                }
            }
            if (q < 0) {
                continue;
            }
            switch (coding) {
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "identity" -> identity = Math.max(identity, q);
                case "*" -> any = Math.max(any, q);
                default -> {}
            }
        }
        double forGzip = gzip >= 0 ? gzip : any;
        // Identity is acceptable unless refused; only a quality the client wrote competes with gzip's.
        double forIdentity = identity >= 0 ? identity : any >= 0 ? any : 0;
        return forGzip > 0 && forGzip >= forIdentity;
    }

    /** A qvalue: 0 to 1 with at most three decimals; -1 when it is none. */
    static double quality(String value) {
        if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return -1;
        }
        return Double.parseDouble(value);
    }
}
