package news.cms.core.media;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.article.ArticleId;
import news.cms.core.language.Refusal;

/**
 * A story may not use a picture, as its featured one ({@link PictureRefused}) or in its body ({@link
 * InlineImageRefused}); nothing was stored. Every reason names the picture ({@code media}), so the
 * UIs can point at it. An {@link IllegalArgumentException}, as the other refusals of a save are, so
 * the editor says it where it says theirs.
 */
public abstract sealed class PictureNotAllowed extends IllegalArgumentException implements Refusal
        permits PictureRefused, InlineImageRefused {

    private final ArticleId article;
    private final MediaId media;

    PictureNotAllowed(String message, ArticleId article, MediaId media) {
        super(message);
        this.article = article;
        this.media = media;
    }

    public ArticleId article() {
        return article;
    }

    public MediaId media() {
        return media;
    }

    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> p = new LinkedHashMap<>();
        p.put("media", media.toString());
        return p;
    }
}
