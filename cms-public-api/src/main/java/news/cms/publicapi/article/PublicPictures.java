package news.cms.publicapi.article;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.body.InlineFigures;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaText;
import news.cms.core.media.Rendition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The pictures a published story shows on public surfaces (ninjs, Atom, JSON Feed): its featured
 * image and the pictures its body places (docs/adr/0026), with the public URLs of their renditions.
 * A story that is not published shows none.
 */
@Component
public class PublicPictures {

    /** The rendition a figure shows by default, and the one a feed's image points at. */
    static final String FIGURE_RENDITION = "view";

    static final String FEED_RENDITION = "base";

    private final MediaService media;
    private final PublicLinks links;

    PublicPictures(MediaService media, PublicLinks links) {
        this.media = media;
        this.links = links;
    }

    /** A story's pictures as of now. */
    public record Shown(Optional<MediaItem> featured, Map<MediaId, MediaItem> inline, InlineFigures figures) {

        /** The newest change to any of them (texts, focal point, renditions), if any. */
        public Optional<Instant> lastChanged() {
            return java.util.stream.Stream.concat(featured.stream(), inline.values().stream())
                    .map(MediaItem::updatedAt)
                    .max(Comparator.naturalOrder());
        }
    }

    /** A feed's picture of a story: one rendition of its featured image. */
    public record FeedImage(String href, String contentType, long bytes, int width, int height) {}

    /** A published story's pictures; none for one that is not published. */
    public Shown of(Article story) {
        return of(List.of(story)).get(story.id());
    }

    /** The pictures of many stories at once (a feed's), in a few statements whatever their number. */
    public Map<ArticleId, Shown> of(Collection<Article> stories) {
        Map<ArticleId, MediaService.PublishedPictures> published = media.publishedPictures(stories);
        Map<ArticleId, Shown> shown = new HashMap<>();
        for (Article story : stories) {
            MediaService.PublishedPictures p = published.get(story.id());
            Optional<MediaItem> featured = p == null ? Optional.empty() : p.featured();
            Map<MediaId, MediaItem> inline = p == null ? Map.of() : p.inline();
            shown.put(story.id(), new Shown(featured, inline, figures(inline, story.language(), links.baseUrl())));
        }
        return shown;
    }

    /**
     * The ninjs associations of a story's pictures: the featured image first, then each picture its
     * body shows ({@code inline image N}).
     */
    public List<Object> associations(Shown shown, LanguageTag language, NinjsVersion version) {
        List<Object> associations = new ArrayList<>();
        shown.featured()
                .map(m -> NinjsPictures.association(m, language, version, links.baseUrl()))
                .ifPresent(associations::add);
        int n = 0;
        for (MediaItem inline : shown.inline().values()) {
            Object association = NinjsPictures.inline(inline, ++n, language, version, links.baseUrl());
            if (association != null) {
                associations.add(association);
            }
        }
        return associations;
    }

    /** The featured image's rendition for feeds: the base rendition, or the largest made. */
    public Optional<FeedImage> feedImage(Shown shown) {
        return shown.featured().flatMap(item -> {
            List<Rendition> renditions = item.currentRenditions();
            return renditions.stream()
                    .filter(r -> r.name().equals(FEED_RENDITION))
                    .findFirst()
                    .or(() -> renditions.stream().max(Comparator.comparingInt(Rendition::width)))
                    .map(r -> new FeedImage(
                            NinjsPictures.href(links.baseUrl(), r), r.contentType(), r.bytes(), r.width(), r.height()));
        });
    }

    URI baseUrl() {
        return links.baseUrl();
    }

    /**
     * Figures for the pictures that may be shown: the view rendition (or the first made) as {@code
     * src}, the renditions of the picture's own shape (not its crops) as {@code srcset}, the alt text
     * written in the body or else the picture's own in the story's language, caption and credit in
     * that language.
     */
    static InlineFigures figures(Map<MediaId, MediaItem> shown, LanguageTag language, URI baseUrl) {
        return (id, altText) -> {
            MediaItem item = shown.get(new MediaId(id));
            if (item == null) {
                return Optional.empty();
            }
            List<Rendition> renditions = item.currentRenditions();
            Optional<Rendition> main = item.rendition(FIGURE_RENDITION)
                    .or(() -> renditions.stream().findFirst());
            if (main.isEmpty()) {
                return Optional.empty();
            }
            double shape = (double) item.width() / item.height();
            List<Rendition> sameShape = renditions.stream()
                    .filter(r -> Math.abs((double) r.width() / r.height() - shape) < 0.02 * shape)
                    .sorted(Comparator.comparingInt(Rendition::width))
                    .toList();
            @Nullable
            String srcset = sameShape.size() < 2
                    ? null
                    : String.join(
                            ", ",
                            sameShape.stream()
                                    .map(r -> NinjsPictures.href(baseUrl, r) + " " + r.width() + "w")
                                    .toList());
            MediaText text = item.text(language);
            String alt = !altText.isBlank() ? altText : text.altText() == null ? "" : text.altText();
            Rendition r = main.get();
            return Optional.of(new InlineFigures.Figure(
                    NinjsPictures.href(baseUrl, r), r.width(), r.height(), srcset, alt, text.caption(), text.credit()));
        };
    }
}
