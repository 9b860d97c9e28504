package news.cms.core.article;

import java.time.Instant;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * What readers and partners may know of an article that has been public: the live version, or for
 * a withdrawn (unpublished) or killed story only its status. A killed story's text never leaves
 * cms-core through this type.
 */
public sealed interface PublicArticle {

    ArticleId id();

    LanguageTag language();

    /** The public version readers last saw: 1, 2, 3… */
    int publicVersion();

    /**
     * Published (perhaps still under embargo).
     *
     * @param versionCreatedAt when the current public version was made (publish, update, correction)
     * @param correctionNote the public note when the current version is a correction
     */
    record Live(
            Article article,
            Instant versionCreatedAt,
            @Nullable String correctionNote) implements PublicArticle {

        @Override
        public ArticleId id() {
            return article.id();
        }

        @Override
        public LanguageTag language() {
            return article.language();
        }

        @Override
        public int publicVersion() {
            return article.publicVersion();
        }
    }

    /** Unpublished: withheld from every public surface, may come back as a new version. */
    record Withdrawn(ArticleId id, LanguageTag language, int publicVersion, Instant withdrawnAt)
            implements PublicArticle {}

    /** Killed for good: only the notice remains. */
    record Killed(ArticleId id, LanguageTag language, int publicVersion, String reason, Instant killedAt)
            implements PublicArticle {}
}
