package news.cms.core.push;

import java.time.Instant;

/**
 * The worker disabled a subscription (410 Gone, or failing too long), published in the transaction
 * that did it: a transactional listener tells the admins once it commits.
 */
public record SubscriptionDisabled(SubscriptionId subscription, String name, String reason, Instant at) {}
