package news.cms.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Pictures made by the tests themselves (Java2D): plain ones in each format, ones with EXIF
 * orientation and GPS, and hostile ones (a PNG header claiming a huge size, polyglots).
 */
public final class TestPictures {

    private TestPictures() {}

    /** A picture whose left half is red and right half blue, with a yellow band at the top. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.setColor(Color.YELLOW);
        g.fillRect(0, 0, width, Math.max(1, height / 8));
        g.dispose();
        return img;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(halves(width, height), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(halves(width, height), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(halves(width, height), "gif");
    }

    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF segment (after its JFIF header) that holds {@code orientation} and a GPS
     * position (36°11′ N, near Erbil).
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        int app0Length = ((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF);
        int insertAt = 2 + 2 + app0Length;
        byte[] tiff = exifTiff(orientation);
        ByteBuffer app1 = ByteBuffer.allocate(2 + 2 + 6 + tiff.length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
        byte[] out = new byte[jpeg.length + app1.capacity()];
        System.arraycopy(jpeg, 0, out, 0, insertAt);
        System.arraycopy(app1.array(), 0, out, insertAt, app1.capacity());
        System.arraycopy(jpeg, insertAt, out, insertAt + app1.capacity(), jpeg.length - insertAt);
        return out;
    }

    private static byte[] exifTiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(92).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: orientation, and a pointer to the GPS IFD at 38.
        b.putShort((short) 2);
        b.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        // GPS IFD at 38: latitude reference and latitude (three rationals at 68).
        b.putShort((short) 2);
        b.putShort((short) 0x0001)
                .putShort((short) 2)
                .putInt(2)
                .put((byte) 'N')
                .put((byte) 0)
                .putShort((short) 0);
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        b.putInt(0);
        b.putInt(36).putInt(1).putInt(11).putInt(1).putInt(0).putInt(1);
        return b.array();
    }

    /** A PNG whose header claims {@code width} × {@code height} pixels, followed by a tiny, truncated body. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 16);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        b.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
        byte[] idat = "IDAT".getBytes(StandardCharsets.US_ASCII);
        b.putInt(4).put(idat).put(new byte[] {0x78, (byte) 0x9C, 0, 0}).putInt(0);
        return b.array();
    }

    /** The first {@code keep} bytes. */
    public static byte[] truncated(byte[] bytes, int keep) {
        return java.util.Arrays.copyOf(bytes, keep);
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Whether a JPEG carries any APP1 segment (EXIF or XMP) before its image data. */
    public static boolean hasApp1(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA) {
                return false;
            }
            if (marker == 0xE1) {
                return true;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /**
     * A 960 × 600 harbour scene of our own (drawn with Java2D, a transparent top-left corner) as WebP,
     * encoded with libwebp's tools, which nothing in Java writes: {@code lossy} (VP8, no alpha),
     * {@code lossless} (VP8L), {@code alpha} (VP8 with an alpha channel) or {@code animated} (two frames).
     */
    public static byte[] webp(String kind) {
        String name = "harbour-" + kind + ".webp";
        try (var in = TestPictures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test picture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
