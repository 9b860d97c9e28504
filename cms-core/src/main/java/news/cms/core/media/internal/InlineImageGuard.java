package news.cms.core.media.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ContentGuard;
import news.cms.core.article.PublishGuard;
import news.cms.core.media.InlineImageRefused;
import news.cms.core.media.InlineImageSyntax;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.RenditionSpec;
import news.cms.core.translation.TranslationService;
import news.cms.core.workflow.Action;
import org.springframework.stereotype.Component;

/**
 * The pictures a body places (docs/adr/0026) must exist, have their renditions, and belong to this
 * story: no story outside its translation group shows them (featured or inline). Checked on each
 * save and again when the story goes public; a new draft (also a translation being made, which is
 * not in its group yet at that moment) is checked only for pictures that do not exist. Once stored,
 * the pictures the content places are recorded, so the public may fetch them while the story is live.
 */
@Component
public class InlineImageGuard implements ContentGuard, PublishGuard {

    private final MediaRepository media;
    private final MediaProperties properties;
    private final TranslationService translations;

    InlineImageGuard(MediaRepository media, MediaProperties properties, TranslationService translations) {
        this.media = media;
        this.properties = properties;
        this.translations = translations;
    }

    @Override
    public void check(Article article, Action action) {
        check(article, action != Action.CREATE);
    }

    @Override
    public void check(Article article) {
        check(article, true);
    }

    @Override
    public void stored(Article article) {
        media.replaceInlineImages(
                article.id(), InlineImageSyntax.pictures(article.body()), article.updatedBy(), article.updatedAt());
    }

    private void check(Article article, boolean fully) {
        Set<MediaId> pictures = InlineImageSyntax.pictures(article.body());
        if (pictures.isEmpty()) {
            return;
        }
        Set<ArticleId> ours = null;
        for (MediaId id : pictures) {
            Optional<MediaItem> item = media.find(id);
            if (item.isEmpty()) {
                throw new InlineImageRefused.Unknown(article.id(), id);
            }
            if (!fully) {
                continue;
            }
            if (!ready(item.get())) {
                throw new InlineImageRefused.NotReady(article.id(), id);
            }
            if (ours == null) {
                ours = group(article.id());
            }
            Optional<ArticleId> other = elsewhere(id, ours);
            if (other.isPresent()) {
                throw new InlineImageRefused.OtherStory(article.id(), id, other.get());
            }
        }
    }

    /**
     * The story outside {@code article}'s translation group that shows the picture (featured or in
     * its body), if any: then the picture is not {@code article}'s to show (docs/adr/0026, 0031).
     */
    public Optional<ArticleId> shownElsewhere(ArticleId article, MediaId picture) {
        return elsewhere(picture, group(article));
    }

    private Set<ArticleId> group(ArticleId article) {
        Set<ArticleId> ours = new HashSet<>(translations.groupMembers(article));
        ours.add(article);
        return ours;
    }

    private Optional<ArticleId> elsewhere(MediaId picture, Set<ArticleId> ours) {
        List<ArticleId> showing = media.showing(picture);
        return showing.stream().filter(other -> !ours.contains(other)).findFirst();
    }

    private boolean ready(MediaItem item) {
        for (RenditionSpec spec : properties.renditions()) {
            if (item.rendition(spec.name()).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
