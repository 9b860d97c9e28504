package news.cms.core.article;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;

/**
 * A desk queue: articles in some states, optionally of one language, section or author, newest
 * change first, a page at a time after a keyset cursor.
 */
public record ArticleQuery(
        Set<ArticleState> states,
        @Nullable LanguageTag language,
        @Nullable String section,
        @Nullable String author,
        @Nullable Cursor after,
        int limit) {

    public static final int MAX_LIMIT = 200;

    /** The last row of the previous page. */
    public record Cursor(Instant updatedAt, ArticleId id) {}

    public ArticleQuery {
        states = states == null || states.isEmpty() ? EnumSet.allOf(ArticleState.class) : EnumSet.copyOf(states);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ArticleQuery inStates(Set<ArticleState> states, int limit) {
        return new ArticleQuery(states, null, null, null, null, limit);
    }

    public ArticleQuery after(Article last) {
        return new ArticleQuery(states, language, section, author, new Cursor(last.updatedAt(), last.id()), limit);
    }
}
