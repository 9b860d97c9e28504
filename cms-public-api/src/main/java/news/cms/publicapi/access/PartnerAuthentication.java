package news.cms.publicapi.access;

import java.util.Optional;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A request made with a valid partner key; its scopes are authorities {@code SCOPE_FEED}… */
public final class PartnerAuthentication extends AbstractAuthenticationToken {

    private final PartnerKey key;

    PartnerAuthentication(PartnerKey key) {
        super(key.scopes().stream()
                .map(s -> new SimpleGrantedAuthority(authority(s)))
                .toList());
        this.key = key;
        setAuthenticated(true);
    }

    static String authority(PartnerScope scope) {
        return "SCOPE_" + scope.name();
    }

    public PartnerKey key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.prefix();
    }

    /** The partner key of the current request, if it came with one. */
    public static Optional<PartnerKey> current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof PartnerAuthentication p
                ? Optional.of(p.key)
                : Optional.empty();
    }

    /** Whether the current request may see stories still under embargo. */
    public static boolean mayReadEmbargoed() {
        return current().map(k -> k.has(PartnerScope.EMBARGOED)).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartnerAuthentication p && p.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
