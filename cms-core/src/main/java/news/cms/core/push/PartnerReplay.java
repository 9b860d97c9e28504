package news.cms.core.push;

/**
 * What a partner's replay queued.
 *
 * @param afterSequence deliveries were queued for the feed entries after this position
 * @param queued how many deliveries were queued (reopened or made)
 */
public record PartnerReplay(SubscriptionId subscription, long afterSequence, int queued) {}
