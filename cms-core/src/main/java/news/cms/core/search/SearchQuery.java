package news.cms.core.search;

import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import org.jspecify.annotations.Nullable;

/**
 * What a reader or partner searches for; the text is matched as words, never parsed as query syntax.
 */
public record SearchQuery(String text, @Nullable LanguageTag language, int limit) {

    public static final int MAX_TEXT = 500;
    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        text = Texts.required(text, "query");
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a query is at most " + MAX_TEXT + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, 20);
    }
}
