package news.cms.core.article;

import java.time.Instant;
import java.util.List;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * A story as the newsroom keeps it. Immutable: every change makes a new value with a new version.
 */
public record Article(
        ArticleId id,
        Slug slug,
        LanguageTag language,
        String section,
        String headline,
        String standfirst,
        String body,
        List<Byline> bylines,
        Dateline dateline,
        ArticleState state,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @Nullable Instant publishedAt) {

    public Article {
        bylines = List.copyOf(bylines);
    }

    static Article draft(ArticleId id, Slug slug, ArticleContent content, String actor, Instant now) {
        return new Article(
                id,
                slug,
                content.language(),
                content.section(),
                content.headline(),
                content.standfirst(),
                content.body(),
                content.bylines(),
                content.dateline(),
                ArticleState.DRAFT,
                1,
                now,
                actor,
                now,
                actor,
                null);
    }

    Article published(String actor, Instant now) {
        if (state != ArticleState.DRAFT) {
            throw new IllegalTransition(id, state, "publish");
        }
        return new Article(
                id,
                slug,
                language,
                section,
                headline,
                standfirst,
                body,
                bylines,
                dateline,
                ArticleState.PUBLISHED,
                version + 1,
                createdAt,
                createdBy,
                now,
                actor,
                now);
    }

    public boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }
}
