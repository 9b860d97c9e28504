package news.cms.core.media;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What a picture says in one language: its caption (shown under it), its alt text (read to those who
 * cannot see it) and its credit (the photographer or agency). Each may be missing while the story
 * is being written; publishing asks for caption and alt text in the story's language.
 */
public record MediaText(
        @Nullable String caption,
        @Nullable String altText,
        @Nullable String credit) {

    public static final int MAX_CAPTION = 1_000;
    public static final int MAX_ALT_TEXT = 500;
    public static final int MAX_CREDIT = 200;

    public static final MediaText EMPTY = new MediaText(null, null, null);

    public MediaText {
        caption = optional(caption, "caption", MAX_CAPTION);
        altText = optional(altText, "alt text", MAX_ALT_TEXT);
        credit = optional(credit, "credit", MAX_CREDIT);
    }

    public boolean hasCaption() {
        return caption != null;
    }

    public boolean hasAltText() {
        return altText != null;
    }

    private static @Nullable String optional(@Nullable String text, String field, int max) {
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
