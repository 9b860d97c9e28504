package news.cms.core.partnerkey;

import java.time.Instant;

/** A key cannot be issued already expired. */
public class InvalidExpiry extends IllegalArgumentException {

    public InvalidExpiry(Instant expiresAt) {
        super("the expiry " + expiresAt + " has passed; choose a time in the future");
    }
}
