package news.cms.core.media;

import java.util.Locale;
import java.util.Optional;

/** The picture formats an upload may have: the allow-list, with each format's media type. */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp"),
    GIF("image/gif");

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a declared media type names ({@code image/jpg} and parameters tolerated); empty for any other. */
    public static Optional<ImageFormat> ofContentType(String declared) {
        String type = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("image/jpg") || type.equals("image/pjpeg")) {
            return Optional.of(JPEG);
        }
        for (ImageFormat f : values()) {
            if (f.contentType.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
