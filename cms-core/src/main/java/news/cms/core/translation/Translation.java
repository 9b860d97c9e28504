package news.cms.core.translation;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import org.jspecify.annotations.Nullable;

/**
 * One article's place in its translation group.
 *
 * @param language the primary language subtag, one per group
 * @param source the article it was translated from; null for the group's original
 * @param sourceVersion the source's version whose text the translation follows
 * @param stale the source's headline, standfirst or body changed since {@code sourceVersion}
 * @param notice the source was corrected or killed after this translation was made; null if not
 */
public record Translation(
        ArticleId articleId,
        TranslationGroupId group,
        String language,
        @Nullable ArticleId source,
        @Nullable Long sourceVersion,
        boolean stale,
        @Nullable Instant staleSince,
        @Nullable SourceNotice notice,
        @Nullable Instant noticeAt) {

    public boolean isOriginal() {
        return source == null;
    }

    /** What happened to the source that an editor of the translation should know. */
    public enum SourceNotice {
        CORRECTED,
        KILLED
    }
}
