package news.cms.core.article;

/** No article has that id (or none that the caller may see). */
public class ArticleNotFound extends RuntimeException {

    public ArticleNotFound(ArticleId id) {
        super("no article " + id);
    }
}
