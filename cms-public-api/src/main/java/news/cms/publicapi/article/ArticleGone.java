package news.cms.publicapi.article;

import java.time.Instant;
import news.cms.core.article.ArticleId;

/** The article was killed: it is gone for good, and only its kill notice may be shown. */
public class ArticleGone extends RuntimeException {

    private final String uri;
    private final String notice;
    private final Instant killedAt;

    ArticleGone(ArticleId id, String notice, Instant killedAt) {
        super("article " + id + " was killed");
        this.uri = NinjsMapper.uri(id);
        this.notice = notice;
        this.killedAt = killedAt;
    }

    /** The article's ninjs uri. */
    public String uri() {
        return uri;
    }

    /** The editor's reason, published as the kill notice. */
    public String notice() {
        return notice;
    }

    public Instant killedAt() {
        return killedAt;
    }
}
