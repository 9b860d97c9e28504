package news.cms.core.media;

import java.util.Map;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * An upload as it arrives: the bytes, what the sender says they are (media type, file name), and
 * what the uploader already knows of the picture.
 *
 * @param declaredType the media type the client sent, e.g. {@code image/jpeg}
 * @param fileName the client's file name, whose extension must agree with the bytes; may be absent
 * @param texts caption, alt text and credit by language
 */
public record NewMedia(
        byte[] bytes,
        String declaredType,
        @Nullable String fileName,
        @Nullable String copyrightHolder,
        @Nullable String usageTerms,
        Map<LanguageTag, MediaText> texts,
        FocalPoint focalPoint) {

    public static final int MAX_COPYRIGHT = 200;
    public static final int MAX_USAGE_TERMS = 1_000;

    public NewMedia {
        texts = Map.copyOf(texts);
        copyrightHolder = optional(copyrightHolder, "copyright holder", MAX_COPYRIGHT);
        usageTerms = optional(usageTerms, "usage terms", MAX_USAGE_TERMS);
    }

    /** Just the picture: no texts yet, focal point in the centre. */
    public static NewMedia of(byte[] bytes, String declaredType, @Nullable String fileName) {
        return new NewMedia(bytes, declaredType, fileName, null, null, Map.of(), FocalPoint.CENTRE);
    }

    static @Nullable String optional(@Nullable String text, String field, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = Texts.clean(text, field).strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.codePointCount(0, cleaned.length()) > max) {
            throw InvalidText.tooLong(field, max);
        }
        return cleaned;
    }
}
