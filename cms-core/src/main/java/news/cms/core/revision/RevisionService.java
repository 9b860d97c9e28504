package news.cms.core.revision;

import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Revision;
import org.springframework.stereotype.Service;

/** Compares any two revisions of an article, and lists its public versions. */
@Service
public class RevisionService {

    private final ArticleService articles;

    RevisionService(ArticleService articles) {
        this.articles = articles;
    }

    /**
     * @throws IllegalArgumentException when the article has no such revision
     */
    public RevisionDiff diff(ArticleId id, long from, long to) {
        List<Revision> history = articles.history(id);
        return RevisionDiff.between(find(history, id, from), find(history, id, to));
    }

    /** The revisions readers saw, numbered 1, 2, 3…, each with its correction note if any. */
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
