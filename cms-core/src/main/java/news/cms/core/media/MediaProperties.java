package news.cms.core.media;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Pictures: upload limits, the renditions to make, and where bytes are kept (docs/adr/0021).
 *
 * @param maxBytes the size cap, checked before anything else
 * @param maxPixels width × height the header may claim
 * @param maxSide the longest side the header may claim
 * @param decodeTimeout how long one upload may take to decode
 * @param renditionTimeout how long decoding an original and making all its renditions may take
 * @param decodeWorkers pictures decoded at once; more wait in a short queue, then are refused
 * @param renditionCache memory for public renditions' bytes (content-addressed, so never stale)
 * @param renditions the renditions of every picture (names are public URL segments)
 * @param store {@code filesystem} (default) or {@code s3}
 * @param filesystemRoot the folder of the filesystem store (the dev stack sets its data folder)
 */
@ConfigurationProperties("cms.media")
public record MediaProperties(
        @DefaultValue("30MB") DataSize maxBytes,
        @DefaultValue("100000000") long maxPixels,
        @DefaultValue("20000") int maxSide,
        @DefaultValue("20s") Duration decodeTimeout,
        @DefaultValue("120s") Duration renditionTimeout,
        @DefaultValue("2") int decodeWorkers,
        @DefaultValue("64MB") DataSize renditionCache,
        @Nullable List<RenditionSpec> renditions,
        @DefaultValue("filesystem") String store,
        @DefaultValue(".cms-data/media") Path filesystemRoot,
        @DefaultValue S3 s3) {

    /** thumbnail ≈ 220 px, view ≈ 640, base ≈ 1400, and a 16:9 crop 1280 across. */
    public static final List<RenditionSpec> DEFAULT_RENDITIONS = List.of(
            new RenditionSpec("thumbnail", 220, 0, 0),
            new RenditionSpec("view", 640, 0, 0),
            new RenditionSpec("base", 1400, 0, 0),
            new RenditionSpec("wide", 1280, 16, 9));

    public MediaProperties {
        if (maxBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("cms.media.max-bytes must be positive");
        }
        if (maxPixels <= 0 || maxSide <= 0) {
            throw new IllegalArgumentException("cms.media.max-pixels and max-side must be positive");
        }
        if (decodeTimeout.isNegative()
                || decodeTimeout.isZero()
                || renditionTimeout.isNegative()
                || renditionTimeout.isZero()
                || decodeWorkers < 1) {
            throw new IllegalArgumentException(
                    "cms.media.decode-timeout, rendition-timeout and decode-workers must be positive");
        }
        renditions = renditions == null || renditions.isEmpty() ? DEFAULT_RENDITIONS : List.copyOf(renditions);
        Set<String> names = new HashSet<>();
        for (RenditionSpec r : renditions) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("cms.media.renditions: " + r.name() + " is named twice");
            }
        }
        if (!store.equals("filesystem") && !store.equals("s3")) {
            throw new IllegalArgumentException("cms.media.store is filesystem or s3, not " + store);
        }
    }

    /** Every picture at once: for tests and the dev stack. */
    public static MediaProperties defaults(Path root) {
        return new MediaProperties(
                DataSize.ofMegabytes(30),
                100_000_000,
                20_000,
                Duration.ofSeconds(20),
                Duration.ofSeconds(120),
                2,
                DataSize.ofMegabytes(64),
                null,
                "filesystem",
                root,
                new S3(null, "us-east-1", "cms-media", null, null, true));
    }

    /**
     * The S3-compatible store.
     *
     * @param endpoint for a service other than AWS (MinIO, Ceph, S3Proxy…); AWS's own when absent
     * @param accessKey with {@code secretKey}: static credentials; else the SDK's default chain
     * @param pathStyle bucket in the path rather than the host name, as most S3-compatible servers want
     */
    public record S3(
            @Nullable URI endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("cms-media") String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey,
            @DefaultValue("true") boolean pathStyle) {}

    public @Nullable RenditionSpec rendition(String name) {
        return renditions.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
