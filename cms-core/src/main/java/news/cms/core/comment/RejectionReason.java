package news.cms.core.comment;

import java.util.Arrays;

/**
 * The guideline a rejected comment broke. {@link #code()} is stable: it is stored in the database
 * and may be shown to the commenter and used as a message key, so it never changes once released.
 */
public enum RejectionReason {
    PROFANITY("profanity"),
    THREATS("threats"),
    PERSONAL_ATTACKS("personal-attacks"),
    VULGARITY("vulgarity"),
    /** Sexism, racism, homophobia, xenophobia; {@link AbuseKind} may say which. */
    ABUSE("abuse"),
    /** Commercial or personal promotion. */
    PROMOTION("promotion"),
    OFF_TOPIC("off-topic"),
    SPAM("spam");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException when no reason has that code
     */
    public static RejectionReason fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rejection reason has the code " + code));
    }
}
