package news.cms.core.push;

/** A partner asked to replay a subscription the worker disabled: only an admin can resume it. */
public class SubscriptionUnavailable extends RuntimeException {

    private final SubscriptionId subscription;

    public SubscriptionUnavailable(SubscriptionId subscription) {
        super("push subscription " + subscription + " is disabled; the newsroom has to resume it");
        this.subscription = subscription;
    }

    public SubscriptionId subscription() {
        return subscription;
    }
}
