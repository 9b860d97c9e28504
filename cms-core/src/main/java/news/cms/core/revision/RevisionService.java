package news.cms.core.revision;

import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Revision;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Compares any two revisions of an article, and lists its public versions. Staff only, like the
 * history these read (drafts included); said here rather than left to the call inside.
 */
@Service
public class RevisionService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    private final ArticleService articles;

    RevisionService(ArticleService articles) {
        this.articles = articles;
    }

    /**
     * @throws IllegalArgumentException when the article has no such revision
     */
    @PreAuthorize(STAFF)
    public RevisionDiff diff(ArticleId id, long from, long to) {
        List<Revision> history = articles.history(id);
        return RevisionDiff.between(find(history, id, from), find(history, id, to));
    }

    /** The revisions readers saw, numbered 1, 2, 3…, each with its correction note if any. */
    @PreAuthorize(STAFF)
    public List<Revision> publicVersions(ArticleId id) {
        return articles.history(id).stream()
                .filter(r -> r.publicVersion() != null)
                .toList();
    }

    private static Revision find(List<Revision> history, ArticleId id, long version) {
        return history.stream()
                .filter(r -> r.version() == version)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("article " + id + " has no revision " + version));
    }
}
