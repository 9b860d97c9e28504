package news.cms.core.account.internal;

import java.time.Duration;
import news.cms.core.account.AccountService;
import news.cms.core.account.SignInThrottled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The apps' form login: the account's password checked against its stored hash, unless the account
 * or the address must wait first ({@link SignInThrottle}); then the password is not even looked at.
 */
class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(AccountService accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String account = attempt.getName();
        String address = address(attempt);
        Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            throttle.refused();
            throw new SignInThrottled(wait);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            // Unknown accounts come here too (hidden as bad credentials), so names cannot be probed for free.
            throttle.failed(account, address);
            throw wrong;
        }
        throttle.succeeded(account, address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client address the form login recorded; behind a proxy, what the app's forwarded-header rules made of it. */
    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : SignInThrottle.UNKNOWN_ADDRESS;
    }
}
