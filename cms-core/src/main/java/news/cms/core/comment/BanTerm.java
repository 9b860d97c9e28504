package news.cms.core.comment;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How long a ban runs: a period of one hour to ten years, or for good ({@link #PERMANENT}).
 *
 * @param length null for a permanent ban
 */
public record BanTerm(@Nullable Duration length) {

    public static final BanTerm PERMANENT = new BanTerm(null);
    static final Duration SHORTEST = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofDays(3653);

    public BanTerm {
        if (length != null && (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0)) {
            throw new IllegalArgumentException("a ban runs for one hour to ten years, or for good; not " + length);
        }
    }

    public static BanTerm of(Duration length) {
        if (length == null) {
            throw new IllegalArgumentException("a ban's period is required; use PERMANENT for good");
        }
        return new BanTerm(length);
    }

    public boolean isPermanent() {
        return length == null;
    }

    /** When a ban of this term starting at {@code start} ends; null for a permanent one. */
    public @Nullable Instant endFrom(Instant start) {
        return length == null ? null : start.plus(length);
    }
}
