package news.cms.core.account.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in guessing is slowed down (ADR 0010). Failures count in a streak that a quiet
 * {@code window} ends; past the free failures each further one doubles the wait, up to a cap.
 *
 * @param accountFailures wrong passwords for one account before it waits
 * @param addressFailures wrong passwords from one address (any account) before it waits; higher,
 *     because a newsroom's staff often share one address
 * @param window a streak ends after this long without a failure (counted from the end of a wait)
 * @param firstWait the first wait; each further failure doubles it
 * @param accountMaxWait the longest an account waits: short, so an attacker cannot keep the real
 *     user out for long
 * @param addressMaxWait the longest an address waits
 * @param knownAddressFor how long a successful sign-in lets that address past its account's wait
 * @param maxTracked accounts, addresses and known pairs each remembered at most (least recently
 *     used dropped first), so a flood of names cannot fill the memory
 */
@ConfigurationProperties("cms.sign-in")
public record SignInThrottleProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("1m") Duration window,
        @DefaultValue("5s") Duration firstWait,
        @DefaultValue("1m") Duration accountMaxWait,
        @DefaultValue("15m") Duration addressMaxWait,
        @DefaultValue("30d") Duration knownAddressFor,
        @DefaultValue("100000") int maxTracked) {

    public SignInThrottleProperties {
        if (accountFailures < 1 || addressFailures < 1 || maxTracked < 1) {
            throw new IllegalArgumentException(
                    "cms.sign-in.account-failures, address-failures and max-tracked must be at least 1");
        }
        for (Duration d : new Duration[] {window, firstWait, accountMaxWait, addressMaxWait, knownAddressFor}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("cms.sign-in durations must be positive, not " + d);
            }
        }
    }

    /** The defaults, for tests and tools outside Spring. */
    public static SignInThrottleProperties defaults() {
        return new SignInThrottleProperties(
                5,
                20,
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                100_000);
    }
}
