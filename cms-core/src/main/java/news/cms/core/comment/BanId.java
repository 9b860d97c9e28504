package news.cms.core.comment;

import java.util.UUID;

/** A ban's identity: a random UUID. */
public record BanId(UUID value) {

    public BanId {
        if (value == null) {
            throw new IllegalArgumentException("a ban id is required");
        }
    }

    public static BanId random() {
        return new BanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
