package news.cms.core.media;

import java.util.UUID;

/** A media item's identity: a random UUID, also the stable part of its public rendition URLs. */
public record MediaId(UUID value) {

    public MediaId {
        if (value == null) {
            throw new IllegalArgumentException("a media id is required");
        }
    }

    public static MediaId random() {
        return new MediaId(UUID.randomUUID());
    }

    /**
     * @throws IllegalArgumentException when the text is not a UUID
     */
    public static MediaId parse(String text) {
        try {
            return new MediaId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a media id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
