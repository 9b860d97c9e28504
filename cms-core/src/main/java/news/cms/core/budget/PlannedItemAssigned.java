package news.cms.core.budget;

import java.time.Instant;

/**
 * A planned item was given to {@code assignee} (made, or handed to someone else), recorded in the
 * outbox; {@code version} is the item's version that did it, so each assignment is told once.
 */
public record PlannedItemAssigned(
        PlannedItemId id, String slug, String assignee, String actor, long version, Instant at) {}
