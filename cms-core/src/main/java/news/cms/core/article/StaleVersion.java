package news.cms.core.article;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.language.Refusal;

/** Someone saved the article after the version the caller had: a conflict, never an overwrite. */
public class StaleVersion extends RuntimeException implements Refusal {

    private final ArticleId id;
    private final long expected;

    public StaleVersion(ArticleId id, long expected) {
        super("article " + id + " changed since version " + expected + ": reload it and apply your edit again");
        this.id = id;
        this.expected = expected;
    }

    public ArticleId id() {
        return id;
    }

    /** The version the caller had. */
    public long expected() {
        return expected;
    }

    @Override
    public String code() {
        return "article.stale-version";
    }

    /** {@code version}: the version the caller had. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("version", expected);
        return params;
    }
}
