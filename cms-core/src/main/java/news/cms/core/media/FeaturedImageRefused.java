package news.cms.core.media;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import news.cms.core.article.ArticleId;
import news.cms.core.language.Refusal;

/**
 * A story cannot go public (publish, schedule, update, correct) with its featured image as it is;
 * nothing changed. Each reason is its own type, so the UIs say it in their language.
 */
public abstract sealed class FeaturedImageRefused extends RuntimeException implements Refusal
        permits FeaturedImageRefused.TextsMissing, FeaturedImageRefused.RenditionsPending {

    private final ArticleId article;
    private final MediaId media;

    FeaturedImageRefused(String message, ArticleId article, MediaId media) {
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

    /** The picture has no caption or no alt text in the story's language. */
    public static final class TextsMissing extends FeaturedImageRefused {
        private final String language;
        private final List<String> missing;

        public TextsMissing(ArticleId article, MediaId media, String language, List<String> missing) {
            super(
                    "the featured image needs " + String.join(" and ", missing) + " in " + language
                            + " before the story can be published",
                    article,
                    media);
            this.language = language;
            this.missing = List.copyOf(missing);
        }

        @Override
        public String code() {
            return "media.featured-texts-missing";
        }

        /** {@code language}, then {@code missing}: "caption", "alt text" or both, comma-separated. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = new LinkedHashMap<>();
            p.put("language", language);
            p.put("missing", String.join(",", missing));
            return p;
        }

        public List<String> missing() {
            return missing;
        }
    }

    /** The picture's renditions are still being made. */
    public static final class RenditionsPending extends FeaturedImageRefused {
        public RenditionsPending(ArticleId article, MediaId media) {
            super("the featured image's renditions are still being made; publish in a moment", article, media);
        }

        @Override
        public String code() {
            return "media.renditions-pending";
        }

        @Override
        public SequencedMap<String, Object> params() {
            return new LinkedHashMap<>();
        }
    }
}
