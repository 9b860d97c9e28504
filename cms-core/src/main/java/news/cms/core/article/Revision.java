package news.cms.core.article;

import java.time.Instant;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot kept by every command: the content as it stood after it.
 *
 * @param publicVersion set on the revisions that readers saw as version 1, 2, 3…
 * @param note a request-changes note, a correction's public note, a kill reason
 */
public record Revision(
        ArticleId articleId,
        long version,
        Action action,
        ArticleState state,
        String actor,
        Instant at,
        @Nullable Integer publicVersion,
        @Nullable String note,
        ArticleContent content) {}
