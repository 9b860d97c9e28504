package news.cms.publicapi.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaText;
import news.cms.core.media.Rendition;
import org.jspecify.annotations.Nullable;

/**
 * A story's featured image as a ninjs association of type {@code picture}: its renditions (href,
 * width, height, content type, size, by each version's names), its caption and alt text in the
 * story's language as descriptions, its credit as {@code by}, its rights. In 3.1 the association
 * carries {@code rel} {@value #REL}. Originals are never listed.
 */
final class NinjsPictures {

    static final String REL = "featureimage";
    static final String NAME = "featured image";
    /** An inline picture's relation to the story in 3.1, and its name (with its number) in both. */
    static final String INLINE_REL = "inline";

    static final String INLINE_NAME = "inline image ";
    static final String URI_PREFIX = "urn:newsroom-cms:media:";

    private NinjsPictures() {}

    /** The association, or null when the picture has no renditions yet. */
    static @Nullable Object association(MediaItem item, LanguageTag language, NinjsVersion version, URI baseUrl) {
        return association(item, language, version, baseUrl, NAME, REL);
    }

    /** The association of the {@code n}th picture the body places (counted from 1). */
    static @Nullable Object inline(MediaItem item, int n, LanguageTag language, NinjsVersion version, URI baseUrl) {
        return association(item, language, version, baseUrl, INLINE_NAME + n, INLINE_REL);
    }

    private static @Nullable Object association(
            MediaItem item, LanguageTag language, NinjsVersion version, URI baseUrl, String name, String rel) {
        List<Rendition> renditions = item.currentRenditions();
        if (renditions.isEmpty()) {
            return null;
        }
        MediaText text = item.text(language);
        String uri = URI_PREFIX + item.id();
        if (version == NinjsVersion.V3_1) {
            List<Text31> descriptions = new ArrayList<>();
            if (text.caption() != null) {
                descriptions.add(new Text31("caption", "text/plain", text.caption()));
            }
            if (text.altText() != null) {
                descriptions.add(new Text31("alttext", "text/plain", text.altText()));
            }
            return new Picture31(
                    name,
                    uri,
                    "picture",
                    rel,
                    language.value(),
                    descriptions,
                    text.credit(),
                    item.copyrightHolder(),
                    item.usageTerms(),
                    renditions.stream()
                            .map(r -> new Rendition31(
                                    r.name(), href(baseUrl, r), r.contentType(), r.width(), r.height(), r.bytes()))
                            .toList());
        }
        List<Text22> descriptions = new ArrayList<>();
        if (text.caption() != null) {
            descriptions.add(new Text22("caption", "text/plain", text.caption()));
        }
        if (text.altText() != null) {
            descriptions.add(new Text22("alttext", "text/plain", text.altText()));
        }
        return new Picture22(
                name,
                uri,
                "picture",
                language.value(),
                descriptions,
                text.credit(),
                item.copyrightHolder(),
                item.usageTerms(),
                renditions.stream()
                        .map(r -> new Rendition22(
                                r.name(), href(baseUrl, r), r.contentType(), r.width(), r.height(), r.bytes()))
                        .toList());
    }

    /** The public URL of a rendition, versioned by its digest so that a new crop gets a new URL. */
    static String href(URI baseUrl, Rendition r) {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/v1/media/" + r.mediaId() + "/" + r.name() + "?v="
                + r.sha256().substring(0, 16);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Picture22(
            String name,
            String uri,
            String type,
            String language,
            List<Text22> descriptions,
            @Nullable String by,
            @Nullable String copyrightholder,
            @Nullable String usageterms,
            List<Rendition22> renditions) {}

    record Text22(String role, String contenttype, String value) {}

    record Rendition22(String name, String href, String contenttype, int width, int height, long sizeinbytes) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Picture31(
            String name,
            String uri,
            String type,
            String rel,
            String language,
            List<Text31> descriptions,
            @Nullable String by,
            @Nullable String copyrightHolder,
            @Nullable String usageTerms,
            List<Rendition31> renditions) {}

    record Text31(String role, String contentType, String value) {}

    record Rendition31(String name, String href, String contentType, int width, int height, long sizeInBytes) {}
}
