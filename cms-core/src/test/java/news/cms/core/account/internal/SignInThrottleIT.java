package news.cms.core.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.SignInThrottled;
import news.cms.core.account.UserAccount;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password guessing against the real sign-in provider on real PostgreSQL, with a clock the test
 * moves (no sleeps): after five wrong passwords an account waits, longer with each further guess;
 * other accounts are not held up; the right password works once the wait is over; throttles are
 * audited. Each test uses its own accounts and addresses (the throttle lives as long as the context).
 */
@CmsIntegrationTest
class SignInThrottleIT {

    static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    static final String PASSWORD = "Kerkuk-baran-2026";

    @Autowired
    AuthenticationProvider provider;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    Clocks.Settable clock;

    AuthenticationManager signIn;

    @BeforeEach
    void newsroom() {
        clock.set(NOW);
        signIn = new ProviderManager(provider);
        for (String name : List.of("shilan", "emre", "yasmin", "aras", "zeynep", "hawre", "nour", "rawa")) {
            news.cms.testsupport.Newsroom.asAdmin(
                    () -> accounts.save(new UserAccount(name, name, Set.of(Role.REPORTER), true), PASSWORD));
        }
    }

    @Test
    void twentyWrongPasswordsAreThrottledWithGrowingWaitsAndTheRightOneWorksAfterTheWait() {
        List<Throwable> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "guess-" + i;
            answers.add(catchThrowable(() -> signIn.authenticate(attempt("shilan", guess, "203.0.113.7"))));
        }

        // Five guesses are looked at; the fifth starts a 5 s wait and the fifteen after it are refused unchecked.
        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a).isInstanceOf(BadCredentialsException.class));
        assertThat(answers.subList(5, 20))
                .allSatisfy(a -> assertThat(a)
                        .isInstanceOfSatisfying(
                                SignInThrottled.class,
                                t -> assertThat(t.seconds()).isEqualTo(5)));
        // Even the right password waits: it is not looked at.
        assertThatThrownBy(() -> signIn.authenticate(attempt("shilan", PASSWORD, "203.0.113.7")))
                .isInstanceOf(SignInThrottled.class);

        // Each guess after the wait doubles it: 10 s, then 20 s.
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> signIn.authenticate(attempt("shilan", "guess-20", "203.0.113.7")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(waitOf("shilan", "203.0.113.7")).isEqualTo(10);
        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> signIn.authenticate(attempt("shilan", "guess-21", "203.0.113.7")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(waitOf("shilan", "203.0.113.7")).isEqualTo(20);

        clock.advance(Duration.ofSeconds(20));
        Authentication signedIn = signIn.authenticate(attempt("shilan", PASSWORD, "203.0.113.7"));
        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(signedIn.getName()).isEqualTo("shilan");

        assertThat(trail("shilan"))
                .filteredOn(e -> e.action().equals("account.sign-in-throttled"))
                .extracting(e -> e.details().get("scope"), e -> e.details().get("wait-seconds"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("account", "20"),
                        org.assertj.core.groups.Tuple.tuple("account", "10"),
                        org.assertj.core.groups.Tuple.tuple("account", "5"));
        assertThat(trail("shilan").getFirst().details()).containsEntry("address", "203.0.113.7");
    }

    @Test
    void otherAccountsFromTheSameAddressAreNotHeldUp() {
        for (int i = 0; i < 20; i++) {
            int n = i;
            catchThrowable(() -> signIn.authenticate(attempt("emre", "tahmin-" + n, "198.51.100.20")));
        }
        assertThat(waitOf("emre", "198.51.100.20")).isPositive();

        Authentication colleague = signIn.authenticate(attempt("yasmin", PASSWORD, "198.51.100.20"));

        assertThat(colleague.getName()).isEqualTo("yasmin");
    }

    @Test
    void theRealUserFromAnAddressThatSignedInBeforeIsNotLockedOutBySomeoneElsesGuesses() {
        signIn.authenticate(attempt("aras", PASSWORD, "192.0.2.44"));
        for (int i = 0; i < 8; i++) {
            int n = i;
            clock.advance(Duration.ofSeconds(waitOf("aras", "203.0.113.99") + 1));
            catchThrowable(() -> signIn.authenticate(attempt("aras", "هەوڵ-" + n, "203.0.113.99")));
        }
        assertThat(waitOf("aras", "203.0.113.99")).isEqualTo(40);
        assertThat(waitOf("aras", "198.51.100.77")).isEqualTo(40);

        assertThat(signIn.authenticate(attempt("aras", PASSWORD, "192.0.2.44")).getName())
                .isEqualTo("aras");
    }

    @Test
    void theAccountsWaitHasACapSoAnAttackerCannotKeepTheRealUserOutForLong() {
        for (int i = 0; i < 30; i++) {
            int n = i;
            catchThrowable(() -> signIn.authenticate(attempt("zeynep", "parola-" + n, "203.0.113.50")));
            clock.advance(Duration.ofSeconds(waitOf("zeynep", "203.0.113.50")));
        }
        catchThrowable(() -> signIn.authenticate(attempt("zeynep", "parola-son", "203.0.113.50")));

        assertThat(waitOf("zeynep", "203.0.113.51")).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn.authenticate(attempt("zeynep", PASSWORD, "198.51.100.3"))
                        .getName())
                .isEqualTo("zeynep");
    }

    @Test
    void anAddressSprayingOverManyAccountsWaitsForEveryAccount() {
        // Four guesses at each of five names: no account reaches its five, the address reaches its twenty.
        List<String> names = List.of("rawa", "nour", "no-such-person", "deniz-yok", "samir-absent");
        for (int i = 0; i < 20; i++) {
            String name = names.get(i % names.size());
            int n = i;
            assertThatThrownBy(() -> signIn.authenticate(attempt(name, "رمز-" + n, "203.0.113.200")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt("nour", PASSWORD, "203.0.113.200")))
                .isInstanceOf(SignInThrottled.class);
        assertThat(signIn.authenticate(attempt("nour", PASSWORD, "192.0.2.8")).getName())
                .isEqualTo("nour");
        assertThat(trail("samir-absent"))
                .filteredOn(e -> e.action().equals("account.sign-in-throttled"))
                .extracting(e -> e.details().get("scope"), e -> e.details().get("wait-seconds"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("address", "5"));
    }

    @Test
    void aQuietMinuteEndsTheStreak() {
        for (int i = 0; i < 4; i++) {
            int n = i;
            catchThrowable(() -> signIn.authenticate(attempt("hawre", "yanlış-" + n, "192.0.2.70")));
        }
        clock.advance(Duration.ofMinutes(1));
        catchThrowable(() -> signIn.authenticate(attempt("hawre", "yanlış-4", "192.0.2.70")));

        assertThat(waitOf("hawre", "192.0.2.70")).isZero();
    }

    /** The wait this account has from this address, in whole seconds; asking does not count as a try. */
    private long waitOf(String account, String address) {
        return (throttle.waitFor(account, address).toMillis() + 999) / 1000;
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    private List<AuditEvent> trail(String username) {
        return Newsroom.as("hana", () -> audit.find(AuditQuery.forTarget("account", username)), Role.ADMIN);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        Settable settableClock() {
            return new Settable();
        }

        /** A clock the test sets and moves; the throttle reads it. */
        static class Settable extends Clock {

            private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

            void set(Instant instant) {
                now.set(instant);
            }

            void advance(Duration by) {
                now.updateAndGet(i -> i.plus(by));
            }

            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        }
    }
}
