package news.cms.moderation.queue;

import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.RejectionReason;
import org.jspecify.annotations.Nullable;

/**
 * A moderator's decision on one or more comments: approve, or reject for a reason (and for abuse,
 * optionally which).
 */
record Decision(@Nullable RejectionReason reason, @Nullable AbuseKind abuseKind) {

    static final Decision APPROVE = new Decision(null, null);

    Decision {
        if (abuseKind != null && reason != RejectionReason.ABUSE) {
            throw new IllegalArgumentException("an abuse kind only narrows a rejection for abuse");
        }
    }

    static Decision reject(RejectionReason reason, @Nullable AbuseKind kind) {
        return new Decision(reason, reason == RejectionReason.ABUSE ? kind : null);
    }

    boolean approves() {
        return reason == null;
    }
}
