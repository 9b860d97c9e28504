package news.cms.core.article;

import java.util.UUID;

/** An article's identity: a random UUID, also the stable part of its public URI. */
public record ArticleId(UUID value) {

    public ArticleId {
        if (value == null) {
            throw new IllegalArgumentException("an article id is required");
        }
    }

    public static ArticleId random() {
        return new ArticleId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static ArticleId parse(String text) {
        try {
            return new ArticleId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an article id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
