package news.cms.core.note;

import java.util.UUID;

/** A note's identity: a random UUID. */
public record NoteId(UUID value) {

    public NoteId {
        if (value == null) {
            throw new IllegalArgumentException("a note id is required");
        }
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException when the text is not a UUID */
    public static NoteId parse(String text) {
        try {
            return new NoteId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a note id: " + text, e);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
