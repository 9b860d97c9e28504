package news.cms.core.media;

import java.util.SequencedMap;
import news.cms.core.article.ArticleId;

/**
 * A body places a picture ({@code ![alt](media:<uuid>)}, docs/adr/0026) that this story may not show;
 * nothing was stored. Each reason is its own type with its own code.
 */
public abstract sealed class InlineImageRefused extends PictureNotAllowed
        permits InlineImageRefused.Unknown, InlineImageRefused.NotReady, InlineImageRefused.OtherStory {

    InlineImageRefused(String message, ArticleId article, MediaId media) {
        super(message, article, media);
    }

    /** No picture has that id. */
    public static final class Unknown extends InlineImageRefused {
        public Unknown(ArticleId article, MediaId media) {
            super("the body places picture " + media + ", which does not exist", article, media);
        }

        @Override
        public String code() {
            return "media.inline-unknown";
        }
    }

    /** The picture's renditions are still being made (just uploaded, or its focal point moved). */
    public static final class NotReady extends InlineImageRefused {
        public NotReady(ArticleId article, MediaId media) {
            super(
                    "the body places picture " + media + ", whose renditions are still being made; save in a moment",
                    article,
                    media);
        }

        @Override
        public String code() {
            return "media.inline-not-ready";
        }
    }

    /** Another story (not a translation of this one) shows the picture. */
    public static final class OtherStory extends InlineImageRefused {
        private final ArticleId owner;

        public OtherStory(ArticleId article, MediaId media, ArticleId owner) {
            super(
                    "the body places picture " + media + ", which belongs to another story (" + owner + ")",
                    article,
                    media);
            this.owner = owner;
        }

        @Override
        public String code() {
            return "media.inline-other-story";
        }

        /** {@code media}, then {@code story}: the story that shows the picture. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> p = super.params();
            p.put("story", owner.toString());
            return p;
        }
    }
}
