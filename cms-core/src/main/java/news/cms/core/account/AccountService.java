package news.cms.core.account;

import java.util.Optional;
import news.cms.core.account.internal.AccountRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts of the newsroom's staff, and the sign-in look-up for the apps' form login. */
@Service
public class AccountService implements UserDetailsService {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;

    AccountService(AccountRepository accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
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

    /** Creates the account, or replaces its name, roles and password when it exists. */
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
}
