package news.cms.core.push;

import java.util.Objects;
import java.util.UUID;

/** A push subscription's id. */
public record SubscriptionId(UUID value) {

    public SubscriptionId {
        Objects.requireNonNull(value, "a subscription id needs a value");
    }

    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    public static SubscriptionId parse(String text) {
        return new SubscriptionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
