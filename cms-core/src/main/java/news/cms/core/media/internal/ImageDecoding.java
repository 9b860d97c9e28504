package news.cms.core.media.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.UploadRefused;

/**
 * Decodes a picture to upright sRGB pixels: the first frame, turned as its EXIF orientation says,
 * converted from CMYK, grey or any ICC profile, transparency flattened onto white. Metadata is not
 * carried over, so nothing of EXIF, XMP or GPS reaches a rendition.
 */
final class ImageDecoding {

    private ImageDecoding() {}

    /**
     * @throws UploadRefused.Undecodable for truncated or corrupt data (a decoder's warning counts)
     */
    static BufferedImage decode(byte[] bytes, ImageFormat format, ReaderHandle handle) {
        BufferedImage raw;
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageSniffer.reader(format);
            handle.set(reader);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
                raw = reader.read(0);
            } finally {
                handle.set(null);
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UploadRefused.Undecodable(String.valueOf(e.getMessage()));
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new UploadRefused.TooSlow();
        }
        if (!warnings.isEmpty()) {
            // e.g. "Premature end of JPEG file": a truncated upload that would render half grey.
            throw new UploadRefused.Undecodable(warnings.getFirst());
        }
        BufferedImage srgb = toSrgb(raw);
        return format == ImageFormat.JPEG ? orient(srgb, orientation(bytes)) : srgb;
    }

    /** Lets the worker abort a read that takes too long. */
    static final class ReaderHandle {
        private volatile ImageReader reader;

        void set(ImageReader r) {
            this.reader = r;
        }

        void abort() {
            ImageReader r = reader;
            if (r != null) {
                r.abort();
            }
        }
    }

    static BufferedImage toSrgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        boolean srgb = src.getColorModel().getColorSpace().isCS_sRGB();
        if (!srgb && !src.getColorModel().hasAlpha()) {
            new ColorConvertOp(null).filter(src, out);
            return out;
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The EXIF orientation (1–8) of a JPEG; 1 when it has none or it cannot be read. */
    static int orientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data starts: no more metadata segments
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                break;
            }
            if (marker == 0xE1
                    && length > 8
                    && new String(jpeg, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                return orientationOf(jpeg, i + 10, length - 8);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int orientationOf(byte[] jpeg, int offset, int length) {
        try (ImageInputStream tiff = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg, offset, length))) {
            Directory ifd0 = new TIFFReader().read(tiff);
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                return n.intValue();
            }
        } catch (IOException | RuntimeException e) {
            // Damaged EXIF: the picture is shown as stored.
        }
        return 1;
    }

    /** Turns the pixels upright as EXIF orientation {@code o} asks (1 = as stored). */
    static BufferedImage orient(BufferedImage img, int o) {
        if (o <= 1 || o > 8) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        // x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12; arguments are (m00, m10, m01, m11, m02, m12).
        AffineTransform t = switch (o) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // turned right
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8: turned left
        };
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(img, out);
        return out;
    }
}
