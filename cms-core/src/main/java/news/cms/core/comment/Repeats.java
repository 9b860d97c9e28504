package news.cms.core.comment;

/**
 * How often the text of a new comment was posted before, recently: by the same client on any
 * article, and by anyone on the same article.
 */
public record Repeats(int byClient, int onArticle) {

    public static final Repeats NONE = new Repeats(0, 0);

    public Repeats {
        if (byClient < 0 || onArticle < 0) {
            throw new IllegalArgumentException("repeat counts are not negative, not " + byClient + "/" + onArticle);
        }
    }
}
