package news.cms.core.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import news.cms.core.account.NewAccount;
import news.cms.core.account.Role;
import news.cms.core.account.WeakPassword;
import news.cms.core.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A production newsroom's first admin (ADR 0009): with {@code cms.bootstrap.admin.username} and the
 * password in the file {@code cms.bootstrap.admin.password-file} (environment variables
 * {@code CMS_BOOTSTRAP_ADMIN_USERNAME}, {@code CMS_BOOTSTRAP_ADMIN_PASSWORDFILE}), the app creates that
 * admin on start when no enabled admin exists, and audits it; otherwise it leaves the accounts alone.
 * Several instances starting at once create it once (an advisory lock).
 */
@Component
@ConditionalOnProperty("cms.bootstrap.admin.username")
class AdminBootstrap implements ApplicationRunner {

    static final String ACTOR = "system:bootstrap";
    private static final long LOCK = 0x636d735f61646d6eL; // "cms_admn"
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AdminBootstrapProperties properties;

    AdminBootstrap(
            AccountRepository accounts,
            PasswordEncoder passwords,
            AuditLog audit,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AdminBootstrapProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = properties.username();
        if (username == null || username.isBlank()) {
            return; // an empty CMS_BOOTSTRAP_ADMIN_USERNAME: nothing to make
        }
        // Only read the password when it is needed: once the admin exists, the file may be gone.
        boolean created = Boolean.TRUE.equals(transactions.execute(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            if (accounts.list().stream().anyMatch(a -> a.enabled() && a.roles().contains(Role.ADMIN))) {
                return false;
            }
            NewAccount admin = admin(username);
            if (!accounts.insert(admin.account(), passwords.encode(admin.password()))) {
                throw new IllegalStateException("cms.bootstrap.admin.username names the existing account " + username
                        + ", which is no enabled admin: choose another username (no account was changed)");
            }
            audit.record(ACTOR, "account.bootstrap", "account", username, Map.of("roles", Role.ADMIN.name()));
            return true;
        }));
        if (created) {
            log.info("bootstrap admin {} created (audited); the password file may be removed now", username);
        } else {
            log.info("an admin exists already: the bootstrap admin {} was not created", username);
        }
    }

    private NewAccount admin(String username) {
        String password = readPassword(properties.passwordFile());
        try {
            return new NewAccount(username, properties.displayName(), Set.of(Role.ADMIN), password);
        } catch (WeakPassword e) {
            throw new IllegalStateException("the password in cms.bootstrap.admin.password-file fails the"
                    + " password rule (" + e.getMessage() + "): at least " + NewAccount.MIN_PASSWORD
                    + " characters of two kinds, not containing the username");
        }
    }

    private static String readPassword(Path file) {
        if (file == null) {
            throw new IllegalStateException(
                    "cms.bootstrap.admin.username is set but cms.bootstrap.admin.password-file is not");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read cms.bootstrap.admin.password-file " + file + ": " + e.getMessage(), e);
        }
    }
}
