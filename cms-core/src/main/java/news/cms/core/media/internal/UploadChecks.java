package news.cms.core.media.internal;

import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The safe-upload checks as the media service uses them (see {@link UploadInspector} for the order). */
@Component
public class UploadChecks {

    /** An accepted picture: its format and its upright pixel size. */
    public record Accepted(ImageFormat format, int width, int height) {}

    private final UploadInspector inspector;

    UploadChecks(MediaProperties properties, DecodeWorkers workers) {
        this.inspector = new UploadInspector(
                properties, (bytes, format) -> workers.run(handle -> ImageDecoding.decode(bytes, format, handle)));
    }

    /**
     * @throws news.cms.core.media.UploadRefused when the file is refused
     */
    public Accepted check(byte[] bytes, String declaredType, @Nullable String fileName) {
        UploadInspector.Inspected inspected = inspector.inspect(bytes, declaredType, fileName);
        return new Accepted(
                inspected.format(),
                inspected.pixels().getWidth(),
                inspected.pixels().getHeight());
    }
}
