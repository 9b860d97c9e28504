package news.cms.core.search;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;

/**
 * One found article.
 *
 * @param snippet a passage with the matched words wrapped in {@code <mark>}; everything else escaped
 */
public record SearchHit(
        ArticleId id, LanguageTag language, String headline, String snippet, Instant publishedAt, double score) {}
