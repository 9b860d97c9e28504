package news.cms.core.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaProperties;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebP uploads, in each of its kinds (lossy VP8, lossless VP8L, lossy with an alpha channel, animated),
 * are taken: TwelveMonkeys reads them, and the renditions are written as JPEG, as for every format —
 * nothing in the JDK or TwelveMonkeys writes WebP. The files are a 960 × 600 harbour scene of our own,
 * drawn with Java2D and encoded with libwebp's cwebp and img2webp, with a transparent top-left corner.
 */
class WebpUploadTest {

    private final MediaProperties properties = MediaProperties.defaults(Path.of("unused"));
    private final DecodeWorkers workers = new DecodeWorkers(1, Duration.ofSeconds(20));
    private final UploadInspector inspector = new UploadInspector(
            properties, (bytes, format) -> workers.run(handle -> ImageDecoding.decode(bytes, format, handle)));

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lossy", "lossless", "alpha", "animated"})
    void aWebpIsTakenAndItsRenditionsAreJpegs(String kind) {
        byte[] webp = TestPictures.webp(kind);

        UploadInspector.Inspected accepted = inspector.inspect(webp, "image/webp", "liman.webp");

        assertThat(accepted.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(accepted.pixels().getWidth()).isEqualTo(960);
        assertThat(accepted.pixels().getHeight()).isEqualTo(600);
        BufferedImage upright = ImageDecoding.decode(webp, ImageFormat.WEBP, new ImageDecoding.ReaderHandle());
        List<RenditionMaker.Made> made =
                RenditionMaker.make(upright, FocalPoint.CENTRE, MediaProperties.DEFAULT_RENDITIONS);
        assertThat(made).extracting(RenditionMaker.Made::width).containsExactly(220, 640, 960, 960);
        for (RenditionMaker.Made m : made) {
            assertThat(m.bytes()).startsWith(0xFF, 0xD8, 0xFF); // a JPEG, whatever came in
            BufferedImage rendition = TestPictures.read(m.bytes());
            assertThat(rendition.getWidth()).isEqualTo(m.width());
        }
        // The transparent corner is flattened onto white, the water stays dark blue.
        BufferedImage view = TestPictures.read(made.get(1).bytes());
        int corner = view.getRGB(5, 5);
        int water = view.getRGB(320, 380);
        if (!kind.equals("lossy")) {
            assertThat(brightness(corner)).as("transparent corner").isGreaterThan(240);
        }
        assertThat(water & 0xFF).as("water is blue").isGreaterThan((water >> 16) & 0xFF);
    }

    private static int brightness(int rgb) {
        return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
