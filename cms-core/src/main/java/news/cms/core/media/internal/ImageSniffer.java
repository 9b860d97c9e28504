package news.cms.core.media.internal;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.UploadRefused;

/**
 * What the first bytes of a file say it is, and the pixel size its header claims, read without
 * decoding a single pixel.
 */
final class ImageSniffer {

    private ImageSniffer() {}

    /** The allowed format whose signature the bytes start with; empty for anything else (SVG, HTML, PDF…). */
    static Optional<ImageFormat> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageFormat.JPEG);
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageFormat.PNG);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(ImageFormat.GIF);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(ImageFormat.WEBP);
        }
        return Optional.empty();
    }

    /**
     * The width and height the header claims (of the first frame), as the format's ImageIO reader
     * reads them from the header alone: no pixel data is touched.
     *
     * @throws UploadRefused.Undecodable when the header cannot be read
     */
    static Dimension claimedSize(byte[] bytes, ImageFormat format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(format);
            try {
                reader.setInput(in, true, true);
                return new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UploadRefused.Undecodable("its header is damaged (" + e.getMessage() + ")");
        }
    }

    /** The ImageIO reader for the format (TwelveMonkeys' for JPEG and WebP, which registers first). */
    static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** A short, safe description of unknown bytes for a refusal. */
    static String describe(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("svg"))) {
            return "SVG";
        }
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<")) {
            return "HTML or XML";
        }
        if (head.startsWith("%pdf")) {
            return "PDF";
        }
        return "an unknown format";
    }

    private static boolean startsWith(byte[] b, int offset, int... signature) {
        if (b.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((b[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
