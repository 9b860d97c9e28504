package news.cms.core.push;

/** Whether a subscription is sent to. */
public enum SubscriptionState {
    /** Deliveries are made and sent. */
    ACTIVE,
    /** Deliveries are made and held: they go out, in order, when an admin resumes it. */
    PAUSED,
    /** Stopped by the worker (410 Gone, or failing for too long): no deliveries are made. */
    DISABLED
}
