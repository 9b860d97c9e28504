package news.cms.core.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
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
                .query((rs, n) -> new StoredAccount(account(rs), rs.getString(3)))
                .optional();
    }

    /** Every account, by username; a newsroom has dozens or hundreds, not millions. */
    public List<UserAccount> list() {
        return jdbc.sql("select username, display_name, password_hash, roles, enabled from user_account"
                        + " order by username")
                .query((rs, n) -> account(rs))
                .list();
    }

    /** Stores a new account; false when the username is taken (nothing changes then). */
    public boolean insert(UserAccount account, String passwordHash) {
        return jdbc.sql("""
                        insert into user_account (username, display_name, password_hash, roles, enabled)
                        values (?, ?, ?, ?, ?) on conflict (username) do nothing""")
                        .params(
                                account.username(),
                                account.displayName(),
                                passwordHash,
                                roles(account),
                                account.enabled())
                        .update()
                == 1;
    }

    /** Changes roles and the enabled flag, never the password; false when there is no such account. */
    public boolean update(UserAccount account) {
        return jdbc.sql("update user_account set display_name = ?, roles = ?, enabled = ? where username = ?")
                        .params(account.displayName(), roles(account), account.enabled(), account.username())
                        .update()
                == 1;
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(
                rs.getString(1),
                rs.getString(2),
                Arrays.stream((String[]) rs.getArray(4).getArray())
                        .map(Role::valueOf)
                        .collect(Collectors.toSet()),
                rs.getBoolean(5));
    }

    private static String[] roles(UserAccount account) {
        return account.roles().stream().map(Role::name).sorted().toArray(String[]::new);
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
