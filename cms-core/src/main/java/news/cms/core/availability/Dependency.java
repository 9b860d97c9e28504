package news.cms.core.availability;

/** An engine the apps cannot answer some requests without. */
public enum Dependency {
    DATABASE,
    SEARCH,
    /** Where pictures are kept: a folder, or an S3-compatible service. */
    MEDIA_STORE
}
