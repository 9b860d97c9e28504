package news.cms.core.account.internal;

import news.cms.core.account.AccountService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** BCrypt today, with the algorithm named in each hash so that it can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one way staff sign in, in every app: passwords, throttled against guessing (ADR 0010). */
    @Bean
    AuthenticationProvider throttledSignIn(AccountService accounts, PasswordEncoder encoder, SignInThrottle throttle) {
        return new ThrottledSignIn(accounts, encoder, throttle);
    }
}
