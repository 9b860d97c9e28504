package news.cms.core.comment;

import java.util.Arrays;

/** Which abuse an {@link RejectionReason#ABUSE} rejection was for, when the moderator says so. */
public enum AbuseKind {
    SEXISM("sexism"),
    RACISM("racism"),
    HOMOPHOBIA("homophobia"),
    XENOPHOBIA("xenophobia");

    private final String code;

    AbuseKind(String code) {
        this.code = code;
    }

    /** Stable, stored in the database like {@link RejectionReason#code()}. */
    public String code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException when no kind has that code
     */
    public static AbuseKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(k -> k.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no abuse kind has the code " + code));
    }
}
