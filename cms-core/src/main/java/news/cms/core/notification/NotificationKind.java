package news.cms.core.notification;

/** What a notification tells its recipient; UIs word each kind as {@code notification.<kind>}. */
public enum NotificationKind {
    /** An editor asked for changes to my story. */
    RETURNED,
    APPROVED,
    PUBLISHED,
    CORRECTED,
    KILLED,
    /** A note names me, or a desk I sit on. */
    MENTIONED,
    /** An editor broke my edit lock. */
    LOCK_BROKEN,
    /** The source of my translation changed. */
    TRANSLATION_STALE,
    /** An editor gave me a planned item of the story budget. */
    ASSIGNED,
    /** To admins: a push subscription's endpoint answered 410 Gone, and it was disabled. */
    PUSH_GONE,
    /** To admins: a push subscription failed for too long, and it was disabled. */
    PUSH_FAILING
}
