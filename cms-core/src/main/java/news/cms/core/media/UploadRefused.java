package news.cms.core.media;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.language.Refusal;

/**
 * An upload was refused and nothing was stored. The checks run in a fixed order, cheapest and
 * safest first: size, magic bytes against the allow-list and the declared type, pixel size from the
 * header alone, then decoding in a bounded worker (docs/adr/0021). Each reason is its own type.
 */
public abstract sealed class UploadRefused extends RuntimeException implements Refusal
        permits UploadRefused.Empty,
                UploadRefused.TooLarge,
                UploadRefused.UnsupportedType,
                UploadRefused.TypeMismatch,
                UploadRefused.TooManyPixels,
                UploadRefused.Undecodable,
                UploadRefused.TooSlow,
                UploadRefused.Busy {

    UploadRefused(String message) {
        super(message);
    }

    @Override
    public SequencedMap<String, Object> params() {
        return new LinkedHashMap<>();
    }

    /** Zero bytes. */
    public static final class Empty extends UploadRefused {
        public Empty() {
            super("the file is empty");
        }

        @Override
        public String code() {
            return "media.empty";
        }
    }

    /** Over the size cap. */
    public static final class TooLarge extends UploadRefused {
        private final long limit;

        public TooLarge(long limit) {
            super("the file is larger than " + limit + " bytes");
            this.limit = limit;
        }

        @Override
        public String code() {
            return "media.too-large";
        }

        /** {@code limit}: the cap in bytes. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = super.params();
            p.put("limit", limit);
            return p;
        }
    }

    /** The bytes (or the declared type) are none of JPEG, PNG, WebP, GIF. */
    public static final class UnsupportedType extends UploadRefused {
        private final String type;

        public UnsupportedType(String type) {
            super("only JPEG, PNG, WebP and GIF pictures are taken, not " + type);
            this.type = type;
        }

        @Override
        public String code() {
            return "media.unsupported-type";
        }

        /** {@code type}: what was declared or found. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = super.params();
            p.put("type", type);
            return p;
        }
    }

    /** The bytes are one allowed format, the declared type another (a renamed file). */
    public static final class TypeMismatch extends UploadRefused {
        private final String declared;
        private final String actual;

        public TypeMismatch(String declared, String actual) {
            super("the file was declared " + declared + " but its bytes are " + actual);
            this.declared = declared;
            this.actual = actual;
        }

        @Override
        public String code() {
            return "media.type-mismatch";
        }

        /** {@code declared}, then {@code actual}. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = super.params();
            p.put("declared", declared);
            p.put("actual", actual);
            return p;
        }
    }

    /** The header claims more pixels, or a longer side, than we decode. */
    public static final class TooManyPixels extends UploadRefused {
        private final long width;
        private final long height;

        public TooManyPixels(long width, long height, long maxPixels, int maxSide) {
            super("the picture claims " + width + " × " + height + " pixels; the limits are " + maxPixels
                    + " pixels and " + maxSide + " pixels a side");
            this.width = width;
            this.height = height;
        }

        @Override
        public String code() {
            return "media.too-many-pixels";
        }

        /** {@code width}, then {@code height}: what the header claims. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = super.params();
            p.put("width", width);
            p.put("height", height);
            return p;
        }
    }

    /** Truncated, corrupt, or otherwise not a picture we can read. */
    public static final class Undecodable extends UploadRefused {
        public Undecodable(String why) {
            super("the picture cannot be read: " + why);
        }

        @Override
        public String code() {
            return "media.undecodable";
        }
    }

    /** Decoding took longer than the worker allows. */
    public static final class TooSlow extends UploadRefused {
        public TooSlow() {
            super("the picture took too long to read");
        }

        @Override
        public String code() {
            return "media.too-slow";
        }
    }

    /** Every decoding worker is busy and the queue is full: try again in a moment. */
    public static final class Busy extends UploadRefused {
        public Busy() {
            super("too many pictures are being read at once; try again in a moment");
        }

        @Override
        public String code() {
            return "media.busy";
        }
    }
}
