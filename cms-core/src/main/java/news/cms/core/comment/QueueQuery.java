package news.cms.core.comment;

import java.util.Set;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * What a moderator asks the queue for: comments in one state, in one order, optionally narrowed to a
 * story, a section, a language, a guideline category or a search, leaving out comments the moderator
 * has decided but not yet committed (their undo window is still open).
 *
 * @param category the guideline: comments screening flagged for it, or rejected for it
 * @param search words looked for in the comment's text and the commenter's display name, as typed
 *     (case-insensitive; {@code %} and {@code _} are plain characters)
 * @param excluded comments to leave out
 */
public record QueueQuery(
        CommentState state,
        Order order,
        @Nullable ArticleId article,
        @Nullable String section,
        @Nullable LanguageTag language,
        @Nullable RejectionReason category,
        @Nullable String search,
        Set<CommentId> excluded) {

    public static final int MAX_SEARCH = 200;
    public static final int MAX_SECTION = 100;

    /** How the queue is sorted; decided comments come newest decision first whatever is asked. */
    public enum Order {
        OLDEST,
        NEWEST,
        RISKIEST
    }

    public QueueQuery {
        if (state == null || order == null) {
            throw new IllegalArgumentException("a queue query needs a state and an order");
        }
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH) {
            throw new IllegalArgumentException("a search has at most " + MAX_SEARCH + " characters");
        }
        section = section == null || section.isBlank() ? null : section.strip();
        if (section != null && section.length() > MAX_SECTION) {
            throw new IllegalArgumentException("a section has at most " + MAX_SECTION + " characters");
        }
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
    }

    /** Every comment waiting for a decision, oldest first. */
    public static QueueQuery pending() {
        return new QueueQuery(CommentState.PENDING, Order.OLDEST, null, null, null, null, null, Set.of());
    }

    public QueueQuery withState(CommentState state) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withOrder(Order order) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withArticle(@Nullable ArticleId article) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withSection(@Nullable String section) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withLanguage(@Nullable LanguageTag language) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withCategory(@Nullable RejectionReason category) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery withSearch(@Nullable String search) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }

    public QueueQuery excluding(Set<CommentId> excluded) {
        return new QueueQuery(state, order, article, section, language, category, search, excluded);
    }
}
