package news.cms.core.screening;

import news.cms.core.comment.RejectionReason;

/** A guideline a rule looks for; each maps to the rejection reason a moderator would pick. */
public enum ScreeningCategory {
    THREATS(RejectionReason.THREATS, 60),
    ABUSE(RejectionReason.ABUSE, 50),
    PERSONAL_ATTACKS(RejectionReason.PERSONAL_ATTACKS, 35),
    VULGARITY(RejectionReason.VULGARITY, 30),
    PROFANITY(RejectionReason.PROFANITY, 25),
    PROMOTION(RejectionReason.PROMOTION, 40),
    SPAM(RejectionReason.SPAM, 40),
    /** Markers of a comment about something else ("off topic, but…"); a weak signal, weighted low. */
    OFF_TOPIC(RejectionReason.OFF_TOPIC, 20);

    private final RejectionReason reason;
    private final int weight;

    ScreeningCategory(RejectionReason reason, int weight) {
        this.reason = reason;
        this.weight = weight;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** How much one match adds to the risk score (0–100). */
    public int weight() {
        return weight;
    }
}
