package news.cms.core.notification;

import java.time.Instant;

/**
 * A staff member's wish for the e-mail digest: where to, in which UI language, and since when
 * (notifications older than that are never mailed).
 */
public record DigestSubscription(String username, String email, String language, Instant since) {}
