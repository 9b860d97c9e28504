package news.cms.core.media;

/**
 * One stored rendition of a media item: a named size (or crop) made from the original and the
 * focal point of {@code generation}.
 *
 * @param sha256 hex digest of the bytes; the public ETag and the version in rendition URLs
 */
public record Rendition(
        MediaId mediaId,
        String name,
        int generation,
        int width,
        int height,
        long bytes,
        String sha256,
        String contentType,
        String storageKey) {}
