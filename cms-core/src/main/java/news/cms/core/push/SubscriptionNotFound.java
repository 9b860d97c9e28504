package news.cms.core.push;

public class SubscriptionNotFound extends RuntimeException {

    public SubscriptionNotFound(SubscriptionId id) {
        super("no push subscription " + id);
    }
}
