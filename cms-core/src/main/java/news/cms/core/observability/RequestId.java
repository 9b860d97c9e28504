package news.cms.core.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
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

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    public RequestId {
        if (!WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException("a request id is 8 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** The caller's id when it is well formed, else a fresh one. */
    public static RequestId from(@Nullable String header) {
        return header != null && WELL_FORMED.matcher(header).matches() ? new RequestId(header) : generate();
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
