package news.cms.core.translation;

import java.time.Instant;
import java.util.Set;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * A domain event: a translation was made, went stale, was brought up to date, or its source changed
 * fate.
 *
 * @param actor whose save or command caused it
 * @param authors the translation's authors, whom notifications tell about it
 */
public record TranslationChanged(
        ArticleId articleId,
        TranslationGroupId group,
        Kind kind,
        Instant at,
        @Nullable String actor,
        @Nullable Set<String> authors) {

    public TranslationChanged {
        // Events stored in the outbox before these fields existed read back without them.
        authors = authors == null ? Set.of() : Set.copyOf(authors);
    }

    public enum Kind {
        CREATED,
        STALE,
        CLEARED,
        SOURCE_CORRECTED,
        SOURCE_KILLED
    }
}
