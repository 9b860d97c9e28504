package news.cms.core.push;

import java.time.Instant;

/**
 * The worker disabled a subscription (410 Gone, or failing too long), published in the transaction
 * that did it: a module listener tells the admins once it commits, once per disabling.
 */
public record SubscriptionDisabled(SubscriptionId subscription, String name, Cause cause, String reason, Instant at) {

    /** The reason stored with a subscription whose endpoint answered 410 Gone. */
    public static final String GONE = "gone";

    /** The start of the reason stored with a subscription that failed too long, before the ISO instant. */
    public static final String FAILING_SINCE = "failing-since ";

    /**
     * The reason stored with the subscription ({@link Subscription#disabledReason()}): a code, not a
     * sentence, so that each UI says it in its own language: {@value #GONE}, or {@value
     * #FAILING_SINCE} and the ISO instant of the first failure.
     */
    public static String reason(Cause cause, Instant failingSince) {
        return cause == Cause.GONE ? GONE : FAILING_SINCE + failingSince;
    }

    /** Why it was disabled. */
    public enum Cause {
        /** The endpoint answered 410 Gone. */
        GONE,
        /** Every attempt failed for {@code cms.push.disable-after}. */
        FAILING
    }
}
