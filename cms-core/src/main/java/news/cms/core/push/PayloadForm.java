package news.cms.core.push;

/**
 * What a delivery's body holds. Only the notice is built so far: the full ninjs document is made by
 * the public API, which cms-core cannot reach (docs/adr/0024); a partner reads it from the notice's
 * {@code href}.
 */
public enum PayloadForm {
    /** The entry's uri, version, sequence, language and the {@code href} of the story. */
    NOTICE
}
