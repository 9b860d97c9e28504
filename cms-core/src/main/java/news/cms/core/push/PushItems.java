package news.cms.core.push;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * The ninjs item a full-ninjs delivery ({@link PayloadForm#NINJS_2_2}, {@link PayloadForm#NINJS_3_1})
 * carries beside its notice: the version its feed entry announces, as {@code /v1/feed} embeds it.
 * The public API owns ninjs and provides this; an instance without it leaves full-ninjs
 * subscriptions to the instances that have it (docs/adr/0034).
 */
public interface PushItems {

    /** A delivery's feed entry, as much as its item needs. */
    record Entry(
            ArticleId articleId,
            PushEvent event,
            int publicVersion,
            LanguageTag language,
            Instant at,
            @Nullable String notice) {}

    /** The item as JSON text, in the ninjs version {@code form} names (never {@link PayloadForm#NOTICE}). */
    String item(Entry entry, PayloadForm form);
}
