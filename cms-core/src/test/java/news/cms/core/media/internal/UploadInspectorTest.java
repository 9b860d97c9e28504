package news.cms.core.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.UploadRefused;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Bad input meets the safe-upload checks in their order; the decoder is the last and only where needed. */
class UploadInspectorTest {

    private final MediaProperties properties = MediaProperties.defaults(Path.of("unused"));
    private final DecodeWorkers workers = new DecodeWorkers(1, Duration.ofSeconds(10));
    private final AtomicInteger decoded = new AtomicInteger();
    private final PictureDecoder counting = (bytes, format) -> {
        decoded.incrementAndGet();
        return workers.run(handle -> ImageDecoding.decode(bytes, format, handle));
    };
    private final UploadInspector inspector = new UploadInspector(properties, counting);

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    void aPlainJpegPngAndGifAreAcceptedWithTheirSize() {
        assertThat(inspector.inspect(TestPictures.jpeg(320, 180), "image/jpeg", "kerkuk.jpg"))
                .satisfies(i -> {
                    assertThat(i.format()).isEqualTo(ImageFormat.JPEG);
                    assertThat(i.pixels().getWidth()).isEqualTo(320);
                    assertThat(i.pixels().getHeight()).isEqualTo(180);
                });
        assertThat(inspector
                        .inspect(TestPictures.png(64, 48), "image/png", "nexşe.png")
                        .format())
                .isEqualTo(ImageFormat.PNG);
        assertThat(inspector
                        .inspect(TestPictures.gif(40, 30), "image/gif", null)
                        .format())
                .isEqualTo(ImageFormat.GIF);
    }

    @Test
    void zeroBytesAreRefusedFirst() {
        assertThatThrownBy(() -> inspector.inspect(new byte[0], "image/jpeg", "boş.jpg"))
                .isInstanceOf(UploadRefused.Empty.class)
                .extracting(e -> ((UploadRefused) e).code())
                .isEqualTo("media.empty");
        assertThat(decoded).hasValue(0);
    }

    @Test
    void overTheSizeCapIsRefusedBeforeLookingAtTheBytes() {
        MediaProperties small = new MediaProperties(
                DataSize.ofBytes(1_000),
                properties.maxPixels(),
                properties.maxSide(),
                properties.decodeTimeout(),
                properties.renditionTimeout(),
                1,
                properties.renditionCache(),
                null,
                "filesystem",
                Path.of("unused"),
                properties.s3());
        byte[] notEvenAPicture = new byte[1_001];
        assertThatThrownBy(() -> new UploadInspector(small, counting).inspect(notEvenAPicture, "image/png", null))
                .isInstanceOf(UploadRefused.TooLarge.class)
                .hasMessageContaining("1000 bytes");
        assertThat(decoded).hasValue(0);
    }

    @Test
    void svgAndHtmlRenamedJpgAreRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        byte[] html = "<!DOCTYPE html><html><script>alert('سڵاو')</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> inspector.inspect(svg, "image/jpeg", "wêne.jpg"))
                .isInstanceOf(UploadRefused.UnsupportedType.class)
                .hasMessageContaining("SVG");
        assertThatThrownBy(() -> inspector.inspect(html, "image/jpeg", "صورة.jpg"))
                .isInstanceOf(UploadRefused.UnsupportedType.class)
                .hasMessageContaining("HTML");
        assertThat(decoded).hasValue(0);
    }

    @Test
    void anUnsupportedTypeIsRefusedWhateverItsBytes() {
        byte[] bmp = TestPictures.encode(TestPictures.halves(20, 20), "bmp");
        assertThatThrownBy(() -> inspector.inspect(bmp, "image/bmp", "harita.bmp"))
                .isInstanceOf(UploadRefused.UnsupportedType.class)
                .extracting(e -> ((UploadRefused) e).params().get("type"))
                .isEqualTo("image/bmp");
        assertThatThrownBy(() -> inspector.inspect(bmp, "image/jpeg", null))
                .isInstanceOf(UploadRefused.UnsupportedType.class);
        assertThatThrownBy(() -> inspector.inspect(TestPictures.png(8, 8), "image/png", "map.svg"))
                .isInstanceOf(UploadRefused.UnsupportedType.class);
        assertThat(decoded).hasValue(0);
    }

    @Test
    void aPngDeclaredOrNamedAsJpegIsAMismatch() {
        byte[] png = TestPictures.png(30, 20);
        assertThatThrownBy(() -> inspector.inspect(png, "image/jpeg", null))
                .isInstanceOf(UploadRefused.TypeMismatch.class)
                .satisfies(e -> assertThat(((UploadRefused) e).params())
                        .containsEntry("declared", "image/jpeg")
                        .containsEntry("actual", "image/png"));
        assertThatThrownBy(() -> inspector.inspect(png, "image/png", "hewlêr.jpg"))
                .isInstanceOf(UploadRefused.TypeMismatch.class)
                .hasMessageContaining("hewlêr.jpg");
        assertThat(decoded).hasValue(0);
    }

    @Test
    void aPngClaimingTenBillionPixelsIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = TestPictures.pngClaiming(100_000, 100_000);
        assertThatThrownBy(() -> inspector.inspect(bomb, "image/png", "bomb.png"))
                .isInstanceOf(UploadRefused.TooManyPixels.class)
                .satisfies(e -> assertThat(((UploadRefused) e).params())
                        .containsEntry("width", 100_000L)
                        .containsEntry("height", 100_000L));
        assertThat(decoded).as("the decoder is never called").hasValue(0);
    }

    @Test
    void oneSideOverTheLimitIsRefusedEvenWithFewPixels() {
        assertThatThrownBy(() -> inspector.inspect(TestPictures.pngClaiming(20_001, 1), "image/png", null))
                .isInstanceOf(UploadRefused.TooManyPixels.class);
        assertThat(decoded).hasValue(0);
    }

    @Test
    void truncatedFilesAreRefusedAsUndecodable() {
        byte[] png = TestPictures.png(200, 120);
        assertThatThrownBy(() -> inspector.inspect(TestPictures.truncated(png, png.length / 2), "image/png", null))
                .isInstanceOf(UploadRefused.Undecodable.class);
        byte[] jpeg = TestPictures.jpeg(400, 300);
        assertThatThrownBy(() -> inspector.inspect(TestPictures.truncated(jpeg, jpeg.length / 2), "image/jpeg", null))
                .isInstanceOf(UploadRefused.Undecodable.class);
        // Only the signature: the header itself is missing.
        assertThatThrownBy(() -> inspector.inspect(TestPictures.truncated(png, 12), "image/png", null))
                .isInstanceOf(UploadRefused.Undecodable.class);
    }

    @Test
    void aGifSignatureFollowedByScriptIsRefused() {
        byte[] polyglot = "GIF89a/*<script>alert(document.cookie)</script>*/".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> inspector.inspect(polyglot, "image/gif", "رسم.gif"))
                .isInstanceOf(UploadRefused.class)
                .isNotInstanceOf(UploadRefused.TypeMismatch.class);
    }

    @Test
    void aDecodeThatRunsPastTheTimeoutIsRefusedAndTheWorkerFreed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (DecodeWorkers slow = new DecodeWorkers(1, Duration.ofMillis(200))) {
            UploadInspector stuck = new UploadInspector(
                    properties,
                    (bytes, format) -> slow.run(handle -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
                    }));
            assertThatThrownBy(() -> stuck.inspect(TestPictures.png(10, 10), "image/png", null))
                    .isInstanceOf(UploadRefused.TooSlow.class);
        } finally {
            release.countDown();
        }
    }
}
