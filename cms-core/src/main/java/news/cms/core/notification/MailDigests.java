package news.cms.core.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.cms.core.account.CurrentUser;
import news.cms.core.audit.AuditLog;
import news.cms.core.notification.internal.DigestRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in staff member's own e-mail digest: an address and a language for the unread
 * notifications gathered at {@code cms.mail-digest.interval}. Nobody subscribes anyone else.
 */
@Service
public class MailDigests {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    /** The UI languages a digest is written in. */
    public static final Set<String> LANGUAGES = Set.of("en", "ar", "ckb", "tr");

    public static final int MAX_ADDRESS = 254;

    private final DigestRepository digests;
    private final DigestProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    MailDigests(DigestRepository digests, DigestProperties properties, AuditLog audit, Clock clock) {
        this.digests = digests;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this installation sends digests at all (the setting is offered only then). */
    @PreAuthorize(STAFF)
    public boolean offered() {
        return properties.enabled();
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<DigestSubscription> mine() {
        return digests.find(CurrentUser.get().name());
    }

    /**
     * Sends my unread notifications to this address in this language from now on (changing an
     * existing subscription keeps its start).
     *
     * @throws InvalidDigestAddress for anything but one plain e-mail address
     * @throws IllegalArgumentException for a language the UI does not speak
     */
    @PreAuthorize(STAFF)
    @Transactional
    public DigestSubscription subscribe(String email, String language) {
        String address = address(email);
        if (language == null || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("a digest is written in en, ar, ckb or tr, not " + language);
        }
        String me = CurrentUser.get().name();
        digests.upsert(me, address, language, clock.instant());
        audit.record(me, "digest.subscribe", "account", me, Map.of("language", language));
        return digests.find(me).orElseThrow();
    }

    @PreAuthorize(STAFF)
    @Transactional
    public boolean unsubscribe() {
        String me = CurrentUser.get().name();
        boolean removed = digests.delete(me);
        if (removed) {
            audit.record(me, "digest.unsubscribe", "account", me, Map.of());
        }
        return removed;
    }

    private static String address(String email) {
        String typed = email == null ? "" : email.strip();
        if (typed.isEmpty() || typed.length() > MAX_ADDRESS) {
            throw new InvalidDigestAddress(typed);
        }
        try {
            InternetAddress parsed = new InternetAddress(typed, true);
            parsed.validate();
            // Only a bare address: no display name, no group, no second address.
            if (!parsed.getAddress().equals(typed) || parsed.isGroup()) {
                throw new InvalidDigestAddress(typed);
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new InvalidDigestAddress(typed);
        }
    }
}
