package news.cms.core.feed;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * One public change.
 *
 * @param sequence the position in commit order: 1, 2, 3… without gaps
 * @param articleVersion the article's (internal) version after the change
 * @param publicVersion the public version readers know after the change
 * @param notice the kill notice of a {@link FeedAction#KILL}; never the text
 */
public record FeedEntry(
        long sequence,
        ArticleId articleId,
        FeedAction action,
        long articleVersion,
        int publicVersion,
        LanguageTag language,
        Instant at,
        @Nullable String notice) {

    public FeedEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("a feed sequence starts at 1, not " + sequence);
        }
    }
}
