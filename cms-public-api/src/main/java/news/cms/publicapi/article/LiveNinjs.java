package news.cms.publicapi.article;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.PublicArticle;
import news.cms.core.translation.TranslationGroupId;
import news.cms.core.translation.TranslationService;
import org.springframework.stereotype.Component;

/**
 * The whole ninjs of a live story as every public surface gives it — the article endpoint, the
 * change feed's items and full-ninjs push alike: the newsroom's defaults, the body's pictures as
 * figures, and as associations its pictures (featured first) and the translations readers may see.
 */
@Component
public class LiveNinjs {

    private final TranslationService translations;
    private final PublicPictures pictures;
    private final NinjsNewsroom newsroom;

    LiveNinjs(TranslationService translations, PublicPictures pictures, NinjsNewsroom newsroom) {
        this.translations = translations;
        this.pictures = pictures;
        this.newsroom = newsroom;
    }

    /** What a story's ninjs takes besides the story: its published translations and its pictures. */
    public record Parts(List<Article> publishedSiblings, PublicPictures.Shown pictures) {

        /** The translations readers may see at {@code now}; one under embargo is listed when it ends. */
        public List<Article> readableSiblings(Instant now) {
            return publishedSiblings.stream().filter(s -> s.isReadableAt(now)).toList();
        }
    }

    public Parts parts(PublicArticle.Live story) {
        return parts(List.of(story)).get(story.article().id());
    }

    /** The parts of many stories at once (a feed page's), in a few statements whatever their number. */
    public Map<ArticleId, Parts> parts(Collection<PublicArticle.Live> stories) {
        return parts(
                stories,
                translations.groupsOf(
                        stories.stream().map(s -> s.article().id()).toList()));
    }

    /**
     * The same with the stories' translation groups read already ({@link TranslationService#groupsOf},
     * which a feed page asks for its entries anyway); {@code groups} may name other articles too.
     */
    public Map<ArticleId, Parts> parts(
            Collection<PublicArticle.Live> stories, Map<ArticleId, TranslationGroupId> groups) {
        List<Article> articles =
                stories.stream().map(PublicArticle.Live::article).toList();
        Map<ArticleId, TranslationGroupId> theirs = new HashMap<>();
        for (Article a : articles) {
            TranslationGroupId group = groups.get(a.id());
            if (group != null) {
                theirs.put(a.id(), group);
            }
        }
        Map<ArticleId, List<Article>> siblings = translations.publishedSiblings(theirs);
        Map<ArticleId, PublicPictures.Shown> shown = pictures.of(articles);
        Map<ArticleId, Parts> parts = new HashMap<>();
        for (Article a : articles) {
            parts.put(a.id(), new Parts(siblings.getOrDefault(a.id(), List.of()), shown.get(a.id())));
        }
        return parts;
    }

    /** The story's ninjs as of {@code now} (a lifted embargo is left out). */
    public Object map(PublicArticle.Live story, NinjsVersion version, Instant now, Parts parts) {
        return NinjsTranslations.map(
                story,
                version,
                parts.readableSiblings(now),
                pictures.associations(parts.pictures(), story.language(), version),
                parts.pictures().figures(),
                newsroom,
                now);
    }
}
