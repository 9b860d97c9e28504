package news.cms.core.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaProperties;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.Test;

/** EXIF orientation, metadata stripping, sizes and focal-point crops of renditions. */
class ImageDecodingTest {

    @Test
    void exifOrientationSixTurnsThePictureRight() {
        byte[] jpeg = TestPictures.jpegWithExif(300, 200, 6);
        assertThat(ImageDecoding.orientation(jpeg)).isEqualTo(6);

        BufferedImage upright = ImageDecoding.decode(jpeg, ImageFormat.JPEG, new ImageDecoding.ReaderHandle());

        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(300);
        // Turned right: the stored left half (red) is now the top.
        assertThat(reddish(upright.getRGB(100, 20))).isTrue();
        assertThat(reddish(upright.getRGB(100, 280))).isFalse();
    }

    @Test
    void everyRenditionIsAJpegWithoutExifOrGps() {
        byte[] jpeg = TestPictures.jpegWithExif(1600, 900, 1);
        assertThat(TestPictures.hasApp1(jpeg))
                .as("the upload carries EXIF with GPS")
                .isTrue();
        BufferedImage upright = ImageDecoding.decode(jpeg, ImageFormat.JPEG, new ImageDecoding.ReaderHandle());

        List<RenditionMaker.Made> made =
                RenditionMaker.make(upright, FocalPoint.CENTRE, MediaProperties.DEFAULT_RENDITIONS);

        assertThat(made).extracting(m -> m.spec().name()).containsExactly("thumbnail", "view", "base", "wide");
        assertThat(made).extracting(RenditionMaker.Made::width).containsExactly(220, 640, 1400, 1280);
        assertThat(made).extracting(RenditionMaker.Made::height).containsExactly(124, 360, 788, 720);
        for (RenditionMaker.Made m : made) {
            assertThat(TestPictures.hasApp1(m.bytes())).as(m.spec().name()).isFalse();
            assertThat(ImageDecoding.orientation(m.bytes())).isEqualTo(1);
            assertThat(new String(m.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("Exif")
                    .doesNotContain("http://ns.adobe.com/xap");
        }
    }

    @Test
    void aSmallPictureIsNeverEnlarged() {
        List<RenditionMaker.Made> made = RenditionMaker.make(
                TestPictures.halves(300, 200), FocalPoint.CENTRE, MediaProperties.DEFAULT_RENDITIONS);
        assertThat(made).extracting(RenditionMaker.Made::width).containsExactly(220, 300, 300, 300);
    }

    @Test
    void theWideCropKeepsTheFocalPointInside() {
        // A tall picture: the 16:9 crop is a band; with the focal point low, the band is low.
        Rectangle low = RenditionMaker.cropArea(900, 1600, new FocalPoint(0.5, 0.9), 16, 9);
        assertThat(low.width).isEqualTo(900);
        assertThat(low.height).isEqualTo(506);
        assertThat(low.y + low.height).isEqualTo(1600);
        Rectangle high = RenditionMaker.cropArea(900, 1600, new FocalPoint(0.5, 0.3), 16, 9);
        assertThat(high.y).isEqualTo(227);
        assertThat(high.contains(450, 480)).isTrue();
        // A wide panorama: the crop is cut from the sides around the focal point.
        Rectangle left = RenditionMaker.cropArea(4000, 1000, new FocalPoint(0.1, 0.5), 16, 9);
        assertThat(left).isEqualTo(new Rectangle(0, 0, 1778, 1000));
    }

    @Test
    void transparencyIsFlattenedOntoWhite() {
        BufferedImage clear = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        BufferedImage srgb = ImageDecoding.toSrgb(clear);
        assertThat(srgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(new Color(srgb.getRGB(5, 5))).isEqualTo(Color.WHITE);
    }

    @Test
    void largeOriginalsAreHalvedBeforeLanczosTakesTheLastStep() {
        BufferedImage big = TestPictures.halves(4000, 3000);
        BufferedImage halved = RenditionMaker.halvedTowards(big, 1400, 1050);
        assertThat(halved.getWidth()).isEqualTo(2000);
        assertThat(halved.getHeight()).isEqualTo(1500);
        assertThat(RenditionMaker.halvedTowards(big, 220, 165).getWidth()).isEqualTo(250);
        assertThat(RenditionMaker.halvedTowards(big, 2100, 1575)).isSameAs(big);
    }

    @Test
    void aFourChannelCmykJpegDecodesToSrgb() throws Exception {
        // A four-channel JPEG, which the JDK's own reader refuses ("Unsupported Image Type"); the
        // colours of one without an Adobe marker are a guess, so only decoding and sRGB are checked.
        java.awt.image.WritableRaster cmyk =
                java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                cmyk.setPixel(x, y, new int[] {0, 255, 255, 255});
            }
        }
        javax.imageio.ImageWriter writer =
                javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }

        BufferedImage srgb =
                ImageDecoding.decode(out.toByteArray(), ImageFormat.JPEG, new ImageDecoding.ReaderHandle());

        assertThat(srgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(srgb.getColorModel().getColorSpace().isCS_sRGB()).isTrue();
        assertThat(srgb.getWidth()).isEqualTo(64);
        assertThat(srgb.getHeight()).isEqualTo(48);
    }

    private static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 180 && c.getBlue() < 80;
    }
}
