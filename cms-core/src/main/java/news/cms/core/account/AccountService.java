package news.cms.core.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.account.internal.AccountRepository;
import news.cms.core.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of the newsroom's staff, the sign-in look-up for the apps' form login, and the admins'
 * changes to accounts (each audited in the same transaction).
 */
@Service
public class AccountService implements UserDetailsService {

    private static final String ADMIN = "hasRole('ADMIN')";

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    AccountService(AccountRepository accounts, PasswordEncoder passwords, AuditLog audit) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var stored = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return User.withUsername(stored.account().username())
                .password(stored.passwordHash())
                .disabled(!stored.account().enabled())
                .authorities(stored.account().roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList())
                .build();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return accounts.find(username).map(AccountRepository.StoredAccount::account);
    }

    /**
     * Creates the account, or replaces its name, roles and password when it exists. For seeding demo
     * and test newsrooms (run as an admin); people's accounts go through {@link #create}. Admins only:
     * it replaces roles and passwords, so an open one would let anyone make themselves an admin. The
     * first admin of a production newsroom comes from the bootstrap, which writes the account itself.
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public void save(UserAccount account, String rawPassword) {
        if (rawPassword == null || rawPassword.length() < 8) {
            throw new IllegalArgumentException("a password has at least 8 characters");
        }
        accounts.upsert(account, passwords.encode(rawPassword));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return accounts.count() > 0;
    }

    /** Every account, by username, for the admins' list. */
    @PreAuthorize(ADMIN)
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return accounts.list();
    }

    /**
     * @throws AccountExists when the username is taken; the existing account stays as it was
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public UserAccount create(NewAccount created) {
        UserAccount account = created.account();
        if (!accounts.insert(account, passwords.encode(created.password()))) {
            throw new AccountExists(account.username());
        }
        audit.record(
                admin(),
                "account.create",
                "account",
                account.username(),
                Map.of("roles", names(account.roles()), "enabled", Boolean.toString(account.enabled())));
        return account;
    }

    /**
     * @throws SelfLockout when an admin would drop their own ADMIN role
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public UserAccount changeRoles(String username, Set<Role> roles) {
        UserAccount current = find(username).orElseThrow(() -> new AccountNotFound(username));
        if (username.equals(admin()) && !roles.contains(Role.ADMIN)) {
            throw new SelfLockout();
        }
        UserAccount changed = new UserAccount(username, current.displayName(), roles, current.enabled());
        accounts.update(changed);
        audit.record(
                admin(),
                "account.roles",
                "account",
                username,
                Map.of("from", names(current.roles()), "to", names(changed.roles())));
        return changed;
    }

    /**
     * A disabled account cannot sign in; its stories and audit entries stay.
     *
     * @throws SelfLockout when an admin would disable their own account
     */
    @PreAuthorize(ADMIN)
    @Transactional
    public UserAccount setEnabled(String username, boolean enabled) {
        UserAccount current = find(username).orElseThrow(() -> new AccountNotFound(username));
        if (username.equals(admin()) && !enabled) {
            throw new SelfLockout();
        }
        UserAccount changed = new UserAccount(username, current.displayName(), current.roles(), enabled);
        accounts.update(changed);
        audit.record(admin(), enabled ? "account.enable" : "account.disable", "account", username, Map.of());
        return changed;
    }

    private static String admin() {
        return CurrentUser.get().name();
    }

    private static String names(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles))
                .stream().map(Role::name).collect(Collectors.joining(","));
    }
}
