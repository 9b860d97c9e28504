package news.cms.core.account;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff member signed in on this thread, as Spring Security holds them: the one place the
 * services read the security context to name who acts (audit entries, workflow, locks).
 *
 * @param roles the {@link Role}s among the authorities ({@code ROLE_<name>}); others are ignored
 */
public record CurrentUser(String name, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /** @throws IllegalStateException when nobody is signed in */
    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority granted : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(granted.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new CurrentUser(auth.getName(), roles);
    }
}
