package news.cms.core.push;

public enum DeliveryStatus {
    /** Waiting for its first or next attempt (or for the story's earlier delivery). */
    PENDING,
    /** A 2xx was received. */
    DELIVERED,
    /** Refused for good (a 4xx other than 408 and 429, a 410, or out of retries). */
    FAILED
}
