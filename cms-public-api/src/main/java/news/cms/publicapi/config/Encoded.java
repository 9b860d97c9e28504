package news.cms.publicapi.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one cached representation with its strong ETag and, made the first time a client
 * asks for it and then kept beside them, its gzip form with an ETag of its own (docs/adr/0034). A
 * representation is compressed once, never per request; one that nobody asks compressed never is.
 */
public final class Encoded {

    /** What an ETag of the gzip form ends in, inside its quotes. */
    static final String GZIP_SUFFIX = "-gzip";

    private final byte[] identity;
    private final String etag;
    private volatile byte @Nullable [] gzip;

    private Encoded(byte[] identity, String etag) {
        this.identity = identity;
        this.etag = etag;
    }

    /** The bytes as they are, with their strong ETag. */
    public static Encoded of(byte[] bytes) {
        return new Encoded(bytes, ETags.strong(bytes));
    }

    /** The identity bytes. */
    public byte[] bytes() {
        return identity;
    }

    /** The identity bytes' strong ETag. */
    public String etag() {
        return etag;
    }

    /** The gzip form's strong ETag: the identity's with {@value #GZIP_SUFFIX} before the closing quote. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + GZIP_SUFFIX + "\"";
    }

    /** The gzip bytes, compressed on the first call only. */
    public byte[] gzip() {
        byte[] compressed = gzip;
        if (compressed == null) {
            synchronized (this) {
                compressed = gzip;
                if (compressed == null) {
                    compressed = compress(identity);
                    gzip = compressed;
                }
            }
        }
        return compressed;
    }

    /** Whether the gzip form has been made (for tests that it is made once). */
    public boolean gzipMade() {
        return gzip != null;
    }

    /** What the representation holds in memory now, for a cache's weight. */
    public int size() {
        byte[] compressed = gzip;
        return identity.length + (compressed == null ? 0 : compressed.length);
    }

    // Compressed once per representation, so the slowest, smallest level is worth it.
    private static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
