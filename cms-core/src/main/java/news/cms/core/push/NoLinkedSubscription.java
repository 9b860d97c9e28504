package news.cms.core.push;

import news.cms.core.partnerkey.PartnerKeyId;

/** A partner asked to replay, but no push subscription is linked to its key. */
public class NoLinkedSubscription extends RuntimeException {

    public NoLinkedSubscription(PartnerKeyId key) {
        super("no push subscription is linked to partner key " + key);
    }
}
