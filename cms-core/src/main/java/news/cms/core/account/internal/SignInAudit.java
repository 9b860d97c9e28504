package news.cms.core.account.internal;

import java.util.Map;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Every sign-in, successful or not, goes into the shared audit trail (ARCHITECTURE: logins are audited). */
@Component
class SignInAudit {

    /** A failed sign-in's name is whatever was typed; keep the trail readable and bounded. */
    static final int MAX_TYPED_NAME = 64;

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
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
