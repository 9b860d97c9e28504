package news.cms.core.media;

/**
 * A rendition that the public may fetch now, with its bytes.
 *
 * @param embargoed shown only because the caller may see stories under embargo: no shared cache may keep it
 */
public record PublicRendition(Rendition rendition, byte[] bytes, boolean embargoed) {}
