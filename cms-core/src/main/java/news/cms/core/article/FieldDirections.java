package news.cms.core.article;

import news.cms.core.language.LanguageTag;
import news.cms.core.language.TextDirection;
import org.jspecify.annotations.Nullable;

/**
 * Per-field overrides of the text direction; {@code null} means "follow the article's language".
 * A Kurdish story with an English headline, say, sets only the headline to LTR.
 */
public record FieldDirections(
        @Nullable TextDirection headline,
        @Nullable TextDirection standfirst,
        @Nullable TextDirection body) {

    public static final FieldDirections FROM_LANGUAGE = new FieldDirections(null, null, null);

    public TextDirection headline(LanguageTag language) {
        return headline == null ? language.direction() : headline;
    }

    public TextDirection standfirst(LanguageTag language) {
        return standfirst == null ? language.direction() : standfirst;
    }

    public TextDirection body(LanguageTag language) {
        return body == null ? language.direction() : body;
    }
}
