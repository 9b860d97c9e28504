package news.cms.core.feed;

/**
 * A feed entry was written, published synchronously inside the transaction that wrote it: a
 * listener that writes in that transaction (push deliveries) commits or rolls back with the entry.
 */
public record FeedEntryRecorded(FeedEntry entry) {}
