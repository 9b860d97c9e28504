package news.cms.core.account.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in PostgreSQL. */
@Repository
public class AccountRepository {

    /** An account with its password hash, which never leaves the account module. */
    public record StoredAccount(UserAccount account, String passwordHash) {}

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredAccount> find(String username) {
        return jdbc.sql("select username, display_name, password_hash, roles, enabled from user_account where"
                        + " username = ?")
                .param(username)
                .query((rs, n) -> new StoredAccount(
                        new UserAccount(
                                rs.getString(1),
                                rs.getString(2),
                                Arrays.stream((String[]) rs.getArray(4).getArray())
                                        .map(Role::valueOf)
                                        .collect(Collectors.toSet()),
                                rs.getBoolean(5)),
                        rs.getString(3)))
                .optional();
    }

    public void upsert(UserAccount account, String passwordHash) {
        String[] roles = account.roles().stream().map(Role::name).sorted().toArray(String[]::new);
        jdbc.sql("""
                        insert into user_account (username, display_name, password_hash, roles, enabled)
                        values (?, ?, ?, ?, ?)
                        on conflict (username) do update set display_name = excluded.display_name,
                            password_hash = excluded.password_hash, roles = excluded.roles, enabled = excluded.enabled""")
                .params(account.username(), account.displayName(), passwordHash, roles, account.enabled())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }
}
