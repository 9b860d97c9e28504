package news.cms.core.push;

import java.time.Instant;

/**
 * The worker disabled a subscription (410 Gone, or failing too long), published in the transaction
 * that did it: a module listener tells the admins once it commits, once per disabling.
 */
public record SubscriptionDisabled(SubscriptionId subscription, String name, Cause cause, String reason, Instant at) {

    /** Why it was disabled. */
    public enum Cause {
        /** The endpoint answered 410 Gone. */
        GONE,
        /** Every attempt failed for {@code cms.push.disable-after}. */
        FAILING
    }
}
