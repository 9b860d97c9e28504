package news.cms.core.push;

/**
 * A subscription and its signing secret ({@code whsec_…}), returned once when it is made or rotated;
 * no later call shows the secret again.
 */
public record IssuedSecret(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "IssuedSecret[" + subscription.id() + ", secret=…]";
    }
}
