package news.cms.core.media.internal;

import com.twelvemonkeys.image.ResampleOp;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.RenditionSpec;

/**
 * Makes renditions from upright sRGB pixels: Lanczos resampling (TwelveMonkeys' ResampleOp, docs/adr/0021),
 * never enlarging; crops of a given shape centred on the focal point as far as the edges allow;
 * encoded as baseline JPEG with no metadata at all (no EXIF, XMP or GPS).
 */
final class RenditionMaker {

    static final String CONTENT_TYPE = "image/jpeg";
    private static final float QUALITY = 0.85f;

    record Made(RenditionSpec spec, int width, int height, byte[] bytes) {}

    private RenditionMaker() {}

    static List<Made> make(BufferedImage upright, FocalPoint focal, List<RenditionSpec> specs) {
        List<Made> made = new ArrayList<>(specs.size());
        for (RenditionSpec spec : specs) {
            BufferedImage source =
                    spec.crops() ? crop(upright, focal, spec.aspectWidth(), spec.aspectHeight()) : upright;
            int width = Math.min(spec.width(), source.getWidth());
            int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
            BufferedImage scaled = width == source.getWidth() && height == source.getHeight()
                    ? source
                    : new ResampleOp(width, height, ResampleOp.FILTER_LANCZOS)
                            .filter(halvedTowards(source, width, height), null);
            made.add(new Made(spec, scaled.getWidth(), scaled.getHeight(), jpeg(scaled)));
        }
        return made;
    }

    /**
     * Halves the picture (a 2 × 2 average) while it is at least twice the target each way: Lanczos
     * then works on at most twice the target's pixels, which made a 12-megapixel original's 1400 px
     * rendition several times faster here without a visible difference (docs/adr/0021).
     */
    static BufferedImage halvedTowards(BufferedImage source, int width, int height) {
        BufferedImage s = source;
        while (s.getWidth() >= 2 * width && s.getHeight() >= 2 * height) {
            BufferedImage half = new BufferedImage(s.getWidth() / 2, s.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = half.createGraphics();
            try {
                g.setRenderingHint(
                        java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(s, 0, 0, half.getWidth(), half.getHeight(), null);
            } finally {
                g.dispose();
            }
            s = half;
        }
        return s;
    }

    /** The largest {@code aw:ah} rectangle that fits, centred on the focal point, moved inside the edges. */
    static Rectangle cropArea(int w, int h, FocalPoint focal, int aw, int ah) {
        int cw = w;
        int ch = (int) Math.round((double) w * ah / aw);
        if (ch > h) {
            ch = h;
            cw = Math.max(1, (int) Math.round((double) h * aw / ah));
        }
        ch = Math.max(1, ch);
        int x = (int) Math.round(focal.x() * w - cw / 2.0);
        int y = (int) Math.round(focal.y() * h - ch / 2.0);
        x = Math.clamp(x, 0, w - cw);
        y = Math.clamp(y, 0, h - ch);
        return new Rectangle(x, y, cw, ch);
    }

    private static BufferedImage crop(BufferedImage img, FocalPoint focal, int aw, int ah) {
        Rectangle r = cropArea(img.getWidth(), img.getHeight(), focal, aw, ah);
        return img.getSubimage(r.x, r.y, r.width, r.height);
    }

    private static byte[] jpeg(BufferedImage img) {
        BufferedImage rgb = img;
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            // No metadata object: the writer puts a bare JFIF header, nothing of the original's.
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
