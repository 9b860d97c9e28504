package news.cms.publicapi.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers a GET or HEAD of bytes with validators per RFC 9110 section 13.2.2, in its order:
 * If-Match (strong comparison, {@code *} for any representation), else If-Unmodified-Since, fail
 * with 412; then If-None-Match (weak comparison, {@code *} for any representation), else
 * If-Modified-Since, give 304. Spring's own check skips If-Match and {@code If-None-Match: *} on GET,
 * which RFC 9110 does not. The one way every endpoint writes its bytes.
 */
public final class Conditional {

    private Conditional() {}

    /**
     * Sets ETag and Last-Modified, then writes the bytes unless a precondition decides otherwise.
     *
     * @throws PreconditionFailed when If-Match or If-Unmodified-Since fail (the advice writes 412)
     */
    public static void write(
            ServletWebRequest webRequest,
            HttpServletResponse response,
            String contentType,
            byte[] bytes,
            String etag,
            @Nullable Instant lastModified)
            throws IOException {
        write(webRequest, response, contentType, etag, lastModified, null, () -> bytes);
    }

    /**
     * As {@link #write(ServletWebRequest, HttpServletResponse, String, byte[], String, Instant)}
     * for a cached representation that may be sent compressed: gzip when the request's
     * Accept-Encoding asks for it, with the gzip form's own ETag (validators compare against the
     * form chosen), and {@code Vary: Accept-Encoding} either way. A 304 compresses nothing.
     */
    public static void write(
            ServletWebRequest webRequest,
            HttpServletResponse response,
            String contentType,
            Encoded body,
            @Nullable Instant lastModified)
            throws IOException {
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (ContentCoding.gzip(webRequest.getRequest().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            write(webRequest, response, contentType, body.gzipEtag(), lastModified, "gzip", body::gzip);
        } else {
            write(webRequest, response, contentType, body.etag(), lastModified, null, body::bytes);
        }
    }

    private static void write(
            ServletWebRequest webRequest,
            HttpServletResponse response,
            String contentType,
            String etag,
            @Nullable Instant lastModified,
            @Nullable String contentEncoding,
            Supplier<byte[]> body)
            throws IOException {
        HttpServletRequest request = webRequest.getRequest();
        response.setHeader(HttpHeaders.ETAG, etag);
        long modified = lastModified == null ? -1 : lastModified.toEpochMilli() / 1000 * 1000;
        if (modified >= 0) {
            response.setDateHeader(HttpHeaders.LAST_MODIFIED, modified);
        }
        List<String> ifMatch = tags(request.getHeaders(HttpHeaders.IF_MATCH));
        if (!ifMatch.isEmpty()) {
            if (!matches(ifMatch, etag, false)) {
                throw new PreconditionFailed();
            }
        } else if (modified >= 0) {
            long unmodifiedSince = date(request, HttpHeaders.IF_UNMODIFIED_SINCE);
            if (unmodifiedSince >= 0 && modified > unmodifiedSince) {
                throw new PreconditionFailed();
            }
        }
        List<String> ifNoneMatch = tags(request.getHeaders(HttpHeaders.IF_NONE_MATCH));
        boolean notModified;
        if (!ifNoneMatch.isEmpty()) {
            notModified = matches(ifNoneMatch, etag, true);
        } else {
            long modifiedSince = modified >= 0 ? date(request, HttpHeaders.IF_MODIFIED_SINCE) : -1;
            notModified = modifiedSince >= 0 && modified <= modifiedSince;
        }
        if (notModified) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        byte[] bytes = body.get();
        response.setContentType(contentType);
        if (contentEncoding != null) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, contentEncoding);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Whether a list of entity tags names ours; {@code *} names any current representation. */
    static boolean matches(List<String> tags, String etag, boolean weak) {
        for (String tag : tags) {
            if (tag.equals("*")) {
                return true;
            }
            boolean isWeak = tag.startsWith("W/");
            if (isWeak && !weak) {
                continue; // a strong comparison never matches a weak tag
            }
            if ((isWeak ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tags of every field line, split at the commas between them. */
    static List<String> tags(@Nullable Enumeration<String> lines) {
        List<String> tags = new ArrayList<>();
        if (lines == null) {
            return tags;
        }
        while (lines.hasMoreElements()) {
            String line = lines.nextElement();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ',' || c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                int start = i;
                if (line.startsWith("W/", i)) {
                    i += 2;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    int close = line.indexOf('"', i + 1);
                    i = close < 0 ? line.length() : close + 1;
                } else {
                    while (i < line.length() && line.charAt(i) != ',') {
                        i++;
                    }
                }
                tags.add(line.substring(start, i).strip());
            }
        }
        return tags;
    }

    /** An HTTP-date header in epoch milliseconds, or -1 when absent or not a date (then ignored). */
    private static long date(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException notADate) {
            return -1;
        }
    }
}
