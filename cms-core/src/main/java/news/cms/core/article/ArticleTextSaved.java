package news.cms.core.article;

import java.time.Instant;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;

/**
 * New content was stored (an edit, update or correction), published in the command's transaction
 * alongside {@link ArticleChanged}: synchronous listeners that must move with the text (linked
 * translations) use it.
 *
 * @param textHash {@link ArticleContent#textHash()} of the stored content
 * @param minorEdit the author marked the change as minor (a typo, punctuation)
 */
public record ArticleTextSaved(
        ArticleId articleId,
        long version,
        Action action,
        LanguageTag language,
        String textHash,
        boolean minorEdit,
        String actor,
        Instant at) {}
