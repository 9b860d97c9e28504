package news.cms.core.account.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import news.cms.core.audit.AuditLog;
import news.cms.core.observability.Meters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing per account and per address (ADR 0010). Only failures that checked a
 * password count, so a refused attempt never lengthens a wait: an attacker can keep an account
 * waiting at most {@link SignInThrottleProperties#accountMaxWait()} per real guess, and an address
 * that signed in to that account before is not held up by the account's wait at all.
 *
 * <p>Per JVM and in memory, bounded by {@link SignInThrottleProperties#maxTracked()}: a restart
 * forgets the streaks, which costs an attacker nothing they could not get by waiting a minute.
 */
@Component
class SignInThrottle {

    /** Sign-ins whose address is unknown share this one (tests and non-web callers). */
    static final String UNKNOWN_ADDRESS = "unknown";

    private final Clock clock;
    private final SignInThrottleProperties policy;
    private final AuditLog audit;
    private final Map<String, Streak> accounts;
    private final Map<String, Streak> addresses;
    private final Map<String, Instant> knownPairs;

    private final MeterRegistry meters;

    SignInThrottle(Clock clock, SignInThrottleProperties policy, AuditLog audit, ObjectProvider<MeterRegistry> meters) {
        this.clock = clock;
        this.policy = policy;
        this.audit = audit;
        this.meters = Meters.registry(meters);
        throttles("account");
        throttles("address");
        this.accounts = bounded(policy.maxTracked());
        this.addresses = bounded(policy.maxTracked());
        this.knownPairs = bounded(policy.maxTracked());
    }

    /** How long this account from this address must wait before its password is checked; zero when not. */
    synchronized Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(addresses.get(address(address)), now);
        if (!known(account, address, now)) {
            Duration accountWait = remaining(accounts.get(account(account)), now);
            wait = accountWait.compareTo(wait) > 0 ? accountWait : wait;
        }
        return wait;
    }

    /** A wrong password (or an unknown account) was checked; may start or lengthen a wait, which is audited. */
    @Transactional
    void failed(String account, String address) {
        Duration accountWait;
        Duration addressWait;
        synchronized (this) {
            Instant now = clock.instant();
            accountWait = fail(accounts, account(account), now, policy.accountFailures(), policy.accountMaxWait());
            addressWait = fail(addresses, address(address), now, policy.addressFailures(), policy.addressMaxWait());
        }
        if (!accountWait.isZero()) {
            throttled(account, address, "account", accountWait);
        }
        if (!addressWait.isZero()) {
            throttled(account, address, "address", addressWait);
        }
    }

    /** The right password: the account's streak ends and the address becomes known for it. */
    synchronized void succeeded(String account, String address) {
        Instant now = clock.instant();
        accounts.remove(account(account));
        knownPairs.put(pair(account, address), now.plus(policy.knownAddressFor()));
        // The address's streak stays: one good sign-in must not wash away a spray over other accounts.
    }

    private Duration fail(Map<String, Streak> streaks, String key, Instant now, int free, Duration max) {
        Streak before = streaks.get(key);
        int failures = before == null || before.over(now, policy.window()) ? 1 : before.failures() + 1;
        Duration wait = Duration.ZERO;
        if (failures >= free) {
            int doublings = Math.min(failures - free, 30);
            wait = policy.firstWait().multipliedBy(1L << doublings);
            if (wait.compareTo(max) > 0) {
                wait = max;
            }
        }
        streaks.put(key, new Streak(failures, now, now.plus(wait)));
        return wait;
    }

    /**
     * An attempt refused unchecked because its account or address must wait: a failed sign-in of
     * reason {@code throttled} (counted here: Spring Security publishes no failure event for it).
     */
    void refused() {
        Counter.builder("cms.signin.failures")
                .description("Failed sign-ins by reason")
                .tag("reason", "throttled")
                .register(meters)
                .increment();
    }

    /** Waits started or lengthened, by {@code scope} ({@code account} or {@code address}; docs/adr/0017). */
    private Counter throttles(String scope) {
        return Counter.builder("cms.signin.throttles")
                .description("Sign-in waits imposed, by scope")
                .tag("scope", scope)
                .register(meters);
    }

    private void throttled(String account, String address, String scope, Duration wait) {
        throttles(scope).increment();
        audit.record(
                SignInAudit.typed(account),
                "account.sign-in-throttled",
                "account",
                SignInAudit.typed(account),
                Map.of("scope", scope, "address", address(address), "wait-seconds", Long.toString(wait.toSeconds())));
    }

    private boolean known(String account, String address, Instant now) {
        Instant until = knownPairs.get(pair(account, address));
        return until != null && now.isBefore(until);
    }

    private static Duration remaining(Streak streak, Instant now) {
        if (streak == null || !now.isBefore(streak.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, streak.lockedUntil());
    }

    /** Accounts are looked up case-sensitively, but a guesser must not get a fresh streak per casing. */
    private static String account(String account) {
        return Objects.requireNonNullElse(account, "").strip().toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return address == null || address.isBlank() ? UNKNOWN_ADDRESS : address;
    }

    private static String pair(String account, String address) {
        return account(account) + '\u0000' + address(address);
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /** One key's failures in a row, the last one's time and when its wait ends. */
    private record Streak(int failures, Instant lastFailure, Instant lockedUntil) {

        /** A quiet window after the last failure, or after the wait it caused, ends the streak. */
        boolean over(Instant now, Duration window) {
            Instant quietFrom = lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
            return !now.isBefore(quietFrom.plus(window));
        }
    }
}
