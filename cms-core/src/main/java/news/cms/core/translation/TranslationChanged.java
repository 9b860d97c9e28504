package news.cms.core.translation;

import java.time.Instant;
import news.cms.core.article.ArticleId;

/** A domain event: a translation was made, went stale, was brought up to date, or its source changed fate. */
public record TranslationChanged(ArticleId articleId, TranslationGroupId group, Kind kind, Instant at) {

    public enum Kind {
        CREATED,
        STALE,
        CLEARED,
        SOURCE_CORRECTED,
        SOURCE_KILLED
    }
}
