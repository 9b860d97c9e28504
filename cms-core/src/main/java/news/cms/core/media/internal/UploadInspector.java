package news.cms.core.media.internal;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Map;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.UploadRefused;
import org.jspecify.annotations.Nullable;

/**
 * The safe-upload checks, in their order: size cap; magic bytes in the allow-list and matching the
 * declared type and file name; pixel size from the header alone (a decompression bomb is refused
 * here, before any pixel is decoded); then decoding (by the {@link PictureDecoder}, in the bounded
 * workers). Each refusal is an {@link UploadRefused}; nothing is stored by this class.
 */
final class UploadInspector {

    /** What an accepted upload is: its format and upright pixels. */
    record Inspected(ImageFormat format, BufferedImage pixels) {}

    private static final Map<String, ImageFormat> EXTENSIONS = Map.of(
            "jpg", ImageFormat.JPEG,
            "jpeg", ImageFormat.JPEG,
            "jpe", ImageFormat.JPEG,
            "png", ImageFormat.PNG,
            "webp", ImageFormat.WEBP,
            "gif", ImageFormat.GIF);

    private final MediaProperties properties;
    private final PictureDecoder decoder;

    UploadInspector(MediaProperties properties, PictureDecoder decoder) {
        this.properties = properties;
        this.decoder = decoder;
    }

    Inspected inspect(byte[] bytes, String declaredType, @Nullable String fileName) {
        if (bytes.length == 0) {
            throw new UploadRefused.Empty();
        }
        if (bytes.length > properties.maxBytes().toBytes()) {
            throw new UploadRefused.TooLarge(properties.maxBytes().toBytes());
        }
        ImageFormat declared = ImageFormat.ofContentType(declaredType)
                .orElseThrow(() -> new UploadRefused.UnsupportedType(declaredType));
        ImageFormat actual = ImageSniffer.sniff(bytes)
                .orElseThrow(() -> new UploadRefused.UnsupportedType(ImageSniffer.describe(bytes)));
        if (actual != declared) {
            throw new UploadRefused.TypeMismatch(declared.contentType(), actual.contentType());
        }
        ImageFormat named = formatOfName(fileName);
        if (named != null && named != actual) {
            throw new UploadRefused.TypeMismatch(fileName, actual.contentType());
        }
        Dimension claimed = ImageSniffer.claimedSize(bytes, actual);
        checkPixels(claimed.width, claimed.height);
        BufferedImage pixels = decoder.decode(bytes, actual);
        // The decoded size must be what the header promised (a lying frame is refused, not rendered).
        checkPixels(pixels.getWidth(), pixels.getHeight());
        return new Inspected(actual, pixels);
    }

    private void checkPixels(long width, long height) {
        if (width <= 0
                || height <= 0
                || width > properties.maxSide()
                || height > properties.maxSide()
                || width * height > properties.maxPixels()) {
            throw new UploadRefused.TooManyPixels(width, height, properties.maxPixels(), properties.maxSide());
        }
    }

    /** The format a file name's extension names; null without a name or an extension. */
    private static @Nullable ImageFormat formatOfName(@Nullable String fileName) {
        if (fileName == null) {
            return null;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        ImageFormat f = EXTENSIONS.get(ext);
        if (f == null) {
            throw new UploadRefused.UnsupportedType("." + ext);
        }
        return f;
    }
}
