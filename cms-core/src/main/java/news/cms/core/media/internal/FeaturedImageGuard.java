package news.cms.core.media.internal;

import java.util.ArrayList;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.PublishGuard;
import news.cms.core.media.FeaturedImageRefused;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaText;
import news.cms.core.media.RenditionSpec;
import org.springframework.stereotype.Component;

/**
 * A story goes public only with a featured image that speaks its language (caption and alt text)
 * and whose renditions exist; without a featured image there is nothing to check.
 */
@Component
public class FeaturedImageGuard implements PublishGuard {

    private final MediaRepository media;
    private final MediaProperties properties;

    FeaturedImageGuard(MediaRepository media, MediaProperties properties) {
        this.media = media;
        this.properties = properties;
    }

    @Override
    public void check(Article article) {
        media.featuredImage(article.id()).flatMap(media::find).ifPresent(item -> check(article, item));
    }

    private void check(Article article, MediaItem item) {
        MediaText text = item.text(article.language());
        List<String> missing = new ArrayList<>();
        if (!text.hasCaption()) {
            missing.add("caption");
        }
        if (!text.hasAltText()) {
            missing.add("alt text");
        }
        if (!missing.isEmpty()) {
            throw new FeaturedImageRefused.TextsMissing(
                    article.id(), item.id(), article.language().value(), missing);
        }
        for (RenditionSpec spec : properties.renditions()) {
            if (item.rendition(spec.name()).isEmpty()) {
                throw new FeaturedImageRefused.RenditionsPending(article.id(), item.id());
            }
        }
    }
}
