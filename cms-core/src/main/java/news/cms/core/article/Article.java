package news.cms.core.article;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;

/**
 * A story as the newsroom keeps it. Immutable: every command makes a new value with the next
 * version; {@link ArticleService} checks the workflow before it asks for one.
 *
 * @param authors the accounts that wrote the story (for the four-eyes rule and author rights)
 * @param publicVersion 0 until first published, then 1, 2, 3… with each update or correction
 */
public record Article(
        ArticleId id,
        Slug slug,
        ArticleContent content,
        ArticleState state,
        long version,
        Set<String> authors,
        @Nullable Instant scheduledAt,
        @Nullable Instant embargoUntil,
        int publicVersion,
        @Nullable String killReason,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        @Nullable Instant publishedAt,
        @Nullable Instant killedAt) {

    public Article {
        authors = Set.copyOf(authors);
    }

    static Article draft(ArticleId id, Slug slug, ArticleContent content, String actor, Instant now) {
        return new Article(
                id,
                slug,
                content,
                ArticleState.DRAFT,
                1,
                Set.of(actor),
                null,
                null,
                0,
                null,
                now,
                actor,
                now,
                actor,
                null,
                null);
    }

    public LanguageTag language() {
        return content.language();
    }

    public String headline() {
        return content.headline();
    }

    public String standfirst() {
        return content.standfirst();
    }

    public String body() {
        return content.body();
    }

    public String section() {
        return content.section();
    }

    public List<Byline> bylines() {
        return content.bylines();
    }

    public Dateline dateline() {
        return content.dateline();
    }

    public boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }

    /** Whether readers may see it at {@code now}: published and not under embargo. */
    public boolean isReadableAt(Instant now) {
        return isPublished() && (embargoUntil == null || !embargoUntil.isAfter(now));
    }

    // The next value after a command; each keeps everything else as it was.

    Article next(ArticleState newState, String actor, Instant now) {
        return new Article(
                id,
                slug,
                content,
                newState,
                version + 1,
                authors,
                scheduledAt,
                embargoUntil,
                publicVersion,
                killReason,
                createdAt,
                createdBy,
                now,
                actor,
                publishedAt,
                killedAt);
    }

    /** New content; {@code coAuthor} joins the authors (a reporter writing on a draft). */
    Article withContent(ArticleContent newContent, @Nullable String coAuthor) {
        Set<String> newAuthors = authors;
        if (coAuthor != null && !authors.contains(coAuthor)) {
            newAuthors = new LinkedHashSet<>(authors);
            newAuthors.add(coAuthor);
        }
        return new Article(
                id,
                slug,
                newContent,
                state,
                version,
                newAuthors,
                scheduledAt,
                embargoUntil,
                publicVersion,
                killReason,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                publishedAt,
                killedAt);
    }

    Article withSchedule(@Nullable Instant at) {
        return new Article(
                id,
                slug,
                content,
                state,
                version,
                authors,
                at,
                embargoUntil,
                publicVersion,
                killReason,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                publishedAt,
                killedAt);
    }

    Article withEmbargo(@Nullable Instant until) {
        return new Article(
                id,
                slug,
                content,
                state,
                version,
                authors,
                scheduledAt,
                until,
                publicVersion,
                killReason,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                publishedAt,
                killedAt);
    }

    /** A new public version: the first publication, an update or a correction. */
    Article withNewPublicVersion(Instant now) {
        return new Article(
                id,
                slug,
                content,
                state,
                version,
                authors,
                null,
                embargoUntil,
                publicVersion + 1,
                killReason,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                publishedAt == null ? now : publishedAt,
                killedAt);
    }

    Article withKill(String reason, Instant now) {
        return new Article(
                id,
                slug,
                content,
                state,
                version,
                authors,
                null,
                embargoUntil,
                publicVersion,
                reason,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy,
                publishedAt,
                now);
    }
}
