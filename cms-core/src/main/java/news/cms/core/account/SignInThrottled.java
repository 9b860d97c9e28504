package news.cms.core.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because the account or the address failed too
 * often just before; the login page tells the person how long to wait.
 */
public class SignInThrottled extends AuthenticationException {

    private final Duration wait;

    public SignInThrottled(Duration wait) {
        super("too many failed sign-ins; try again in " + wait.toSeconds() + " s");
        this.wait = wait;
    }

    /** How long until a sign-in is looked at again. */
    public Duration waitFor() {
        return wait;
    }

    /** The wait in whole seconds, rounded up, as the login page says it. */
    public long seconds() {
        return Math.max(1, wait.plusNanos(999_999_999).toSeconds());
    }
}
