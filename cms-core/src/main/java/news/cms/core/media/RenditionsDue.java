package news.cms.core.media;

/**
 * A media item needs renditions for {@code generation} (a new upload, a moved focal point). Kept in
 * the outbox with the change that caused it, so renditions are made after commit, once, and again
 * after a failure (the store was down).
 */
public record RenditionsDue(MediaId mediaId, int generation) {}
