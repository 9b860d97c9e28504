package news.cms.core.budget;

import java.util.UUID;

/** A planned item's identity: a random UUID. */
public record PlannedItemId(UUID value) {

    public PlannedItemId {
        if (value == null) {
            throw new IllegalArgumentException("a planned item id is required");
        }
    }

    public static PlannedItemId random() {
        return new PlannedItemId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
