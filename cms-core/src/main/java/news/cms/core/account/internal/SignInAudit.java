package news.cms.core.account.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import news.cms.core.account.SignInThrottled;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.Texts;
import news.cms.core.observability.Meters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every sign-in, successful or not, goes into the shared audit trail (ARCHITECTURE: logins are audited). */
@Component
class SignInAudit {

    /** A failed sign-in's name is whatever was typed; keep the trail readable and bounded. */
    static final int MAX_TYPED_NAME = 64;

    private final AuditLog audit;
    private final MeterRegistry meters;

    SignInAudit(AuditLog audit, ObjectProvider<MeterRegistry> meters) {
        this.audit = audit;
        this.meters = Meters.registry(meters);
        failures("bad-credentials");
    }

    /** Failed sign-ins by {@code reason} (docs/adr/0017); a refusal while throttled is {@code throttled}. */
    private Counter failures(String reason) {
        return Counter.builder("cms.signin.failures")
                .description("Failed sign-ins by reason")
                .tag("reason", reason)
                .register(meters);
    }

    private static String reason(AuthenticationException e) {
        return switch (e) {
            case BadCredentialsException b -> "bad-credentials";
            case DisabledException d -> "disabled";
            case LockedException l -> "locked";
            default -> "other";
        };
    }

    @EventListener
    @Transactional
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        audit.record(name, "account.sign-in", "account", name, Map.of());
    }

    @EventListener
    @Transactional
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event.getException() instanceof SignInThrottled)) {
            failures(reason(event.getException())).increment(); // throttled refusals: SignInThrottle.refused
        }
        String typed = typed(event.getAuthentication().getName());
        audit.record(
                typed,
                "account.sign-in-failed",
                "account",
                typed,
                Map.of("reason", event.getException().getClass().getSimpleName()));
    }

    /** The typed name as the audit trail keeps it: printable, stripped, bounded. */
    static String typed(String name) {
        String cleaned;
        try {
            cleaned = Texts.clean(name == null ? "" : name, "username").strip();
        } catch (IllegalArgumentException unprintable) {
            cleaned = "";
        }
        if (cleaned.isEmpty()) {
            return "(blank)";
        }
        return cleaned.length() > MAX_TYPED_NAME ? cleaned.substring(0, MAX_TYPED_NAME) : cleaned;
    }
}
