package news.cms.core.body;

import news.cms.core.language.LanguageTag;

/**
 * A body ready to print: sanitised HTML whose block elements carry {@code dir="auto"}, the plain text
 * readers see (for search and ninjs {@code body_text}) and its word count.
 */
public record RenderedBody(LanguageTag language, String html, String plainText, int wordCount) {

    public RenderedBody {
        if (language == null || html == null || plainText == null) {
            throw new IllegalArgumentException("a rendered body needs its language, HTML and plain text");
        }
        if (wordCount < 0) {
            throw new IllegalArgumentException("a word count cannot be negative: " + wordCount);
        }
    }

    /**
     * The HTML inside one {@code div} that carries the article's language and base direction, for
     * pages that do not set them on an enclosing element themselves.
     */
    public String wrappedHtml() {
        // A canonical language tag holds only letters, digits and hyphens: safe inside an attribute.
        return "<div lang=\"" + language.value() + "\" dir=\""
                + language.direction().htmlValue() + "\">" + html + "</div>";
    }
}
