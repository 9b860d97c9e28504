package news.cms.core.comment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A banned commenter tried to comment; nothing was stored. Says until when, never why. */
public class CommenterBanned extends RuntimeException {

    private final @Nullable Instant until;

    public CommenterBanned(Ban ban) {
        super(
                ban.isPermanent()
                        ? "you may no longer comment here"
                        : "you may not comment here until " + ban.expiresAt());
        this.until = ban.expiresAt();
    }

    /** When the ban runs out; null when it is permanent. */
    public @Nullable Instant until() {
        return until;
    }
}
