package news.cms.core.media;

import java.util.SequencedMap;
import news.cms.core.article.ArticleId;

/**
 * A story cannot take that picture as its featured one (docs/adr/0031): it does not exist, or it is
 * another story's (featured or placed by a story outside this one's translation group, the rule ADR
 * 0026 sets for pictures in a body). Nothing changed. Each reason is its own type with its own code;
 * both name the picture ({@code media}).
 */
public abstract sealed class PictureRefused extends PictureNotAllowed
        permits PictureRefused.Unknown, PictureRefused.OtherStory {

    PictureRefused(String message, ArticleId article, MediaId media) {
        super(message, article, media);
    }

    /** No picture has that id (it never existed, or the id was typed or kept from elsewhere). */
    public static final class Unknown extends PictureRefused {
        public Unknown(ArticleId article, MediaId media) {
            super("picture " + media + " does not exist", article, media);
        }

        @Override
        public String code() {
            return "media.featured-unknown";
        }
    }

    /** Another story, not a translation of this one, shows the picture. */
    public static final class OtherStory extends PictureRefused {
        private final ArticleId owner;

        public OtherStory(ArticleId article, MediaId media, ArticleId owner) {
            super("picture " + media + " belongs to another story (" + owner + ")", article, media);
            this.owner = owner;
        }

        public ArticleId owner() {
            return owner;
        }

        @Override
        public String code() {
            return "media.featured-other-story";
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
