package news.cms.core.article;

/** Someone saved the article after the version the caller had: a conflict, never an overwrite. */
public class StaleVersion extends RuntimeException {

    public StaleVersion(ArticleId id, long expected) {
        super("article " + id + " changed since version " + expected + ": reload it and apply your edit again");
    }
}
