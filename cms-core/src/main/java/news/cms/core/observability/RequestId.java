package news.cms.core.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The id that ties a request's log lines, its answer and its problem details together. A caller (a
 * proxy, a partner) may bring its own in {@code X-Request-Id}; it is taken only when it is 8 to 64
 * characters of letters, digits, '.', '_' or '-', so nothing a client sends can forge a log field or
 * split a header. Anything else is replaced by a fresh id.
 */
public record RequestId(String value) {

    public static final String HEADER = "X-Request-Id";

    /** The key of the id in the logging MDC, in JSON log lines, and the problem details' property. */
    public static final String KEY = "requestId";

    /** The request attribute that keeps the id for the error dispatch that may follow the request. */
    public static final String ATTRIBUTE = RequestId.class.getName();

    public RequestId {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("a request id is 8 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The caller's id when it is well formed, else a fresh one. */
    public static RequestId from(@Nullable String header) {
        return header != null && wellFormed(header) ? new RequestId(header) : generate();
    }

    /**
     * 8 to 64 of {@code [A-Za-z0-9._-]}. Written out rather than as a regular expression: it runs on
     * every request (bench/public-api's profile showed the matcher at 4 % of a cached read).
     */
    static boolean wellFormed(String value) {
        int length = value.length();
        if (length < 8 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * 128 random bits as 32 hex digits. Not a secret, so not from SecureRandom: this runs on every
     * request, also the cached reads that answer in microseconds.
     */
    public static RequestId generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return new RequestId(hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()));
    }

    @Override
    public String toString() {
        return value;
    }
}
