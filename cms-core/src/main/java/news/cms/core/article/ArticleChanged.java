package news.cms.core.article;

import java.time.Instant;
import java.util.Set;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;

/**
 * The one domain event every article command records in the outbox: what was done, by whom, and
 * the state and version it left. Listeners (search index, feeds) read the article itself for the
 * rest; {@code version} orders the events of one article.
 *
 * @param actor who acted ({@code scheduler} for a scheduled go-live)
 * @param authors the story's authors after the command, whom notifications tell about it
 */
public record ArticleChanged(
        ArticleId articleId,
        long version,
        Action action,
        ArticleState state,
        Instant at,
        @Nullable String actor,
        @Nullable Set<String> authors) {

    public ArticleChanged {
        // Events stored in the outbox before these fields existed read back without them.
        authors = authors == null ? Set.of() : Set.copyOf(authors);
    }

    public ArticleChanged(ArticleId articleId, long version, Action action, ArticleState state, Instant at) {
        this(articleId, version, action, state, at, null, Set.of());
    }
}
