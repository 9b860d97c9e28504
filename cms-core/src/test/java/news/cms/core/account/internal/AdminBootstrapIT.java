package news.cms.core.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.audit.AuditLog;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** A production newsroom's first admin: from a password file, once, only when no admin exists, audited. */
@CmsIntegrationTest
class AdminBootstrapIT {

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountService accountService;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Environment environment;

    @TempDir
    Path dir;

    @BeforeEach
    void noAccounts() {
        // As the owner: the bootstrap is about an empty newsroom (the app role keeps audit rows anyway).
        JdbcClient.create(DatabaseOwner.dataSource(environment))
                .sql("truncate user_account cascade") // with what names an account: desks, notifications
                .update();
    }

    private AdminBootstrap bootstrap(String username, String password) throws Exception {
        Path file = dir.resolve("admin-password");
        Files.writeString(file, password + "\n"); // as `echo` writes it: the line end is not part of it
        return new AdminBootstrap(
                accounts,
                passwords,
                audit,
                jdbc,
                transactions,
                new AdminBootstrapProperties(username, file, "Hêvî Ahmed"));
    }

    private long bootstrapAudits() {
        return jdbc.sql("select count(*) from audit_event where action = 'account.bootstrap' and actor = ?")
                .param(AdminBootstrap.ACTOR)
                .query(Long.class)
                .single();
    }

    @Test
    void createsTheFirstAdminOnceAndAuditsIt() throws Exception {
        long before = bootstrapAudits();

        bootstrap("hevi", "Çay-و-نان-2026!").run(null);
        bootstrap("hevi", "another-Password-99").run(null);

        UserAccount admin = accountService.find("hevi").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.displayName()).isEqualTo("Hêvî Ahmed");
        String hash = accountService.loadUserByUsername("hevi").getPassword();
        assertThat(passwords.matches("Çay-و-نان-2026!", hash)).isTrue();
        assertThat(passwords.matches("another-Password-99", hash)).isFalse();
        assertThat(bootstrapAudits()).isEqualTo(before + 1);
    }

    @Test
    void leavesANewsroomWithAnAdminAlone() throws Exception {
        news.cms.testsupport.Newsroom.asAdmin(() -> accountService.save(
                new UserAccount("layla", "Layla Hassan", Set.of(Role.ADMIN, Role.EDITOR), true), "x-Layla-Pass-1"));
        long before = bootstrapAudits();

        bootstrap("hevi", "Çay-و-نان-2026!").run(null);

        assertThat(accountService.find("hevi")).isEmpty();
        assertThat(bootstrapAudits()).isEqualTo(before);
    }

    @Test
    void refusesAWeakPasswordOrATakenUsername() throws Exception {
        assertThatThrownBy(() -> bootstrap("hevi", "short").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cms.bootstrap.admin.password-file");
        news.cms.testsupport.Newsroom.asAdmin(() -> accountService.save(
                new UserAccount("rezan", "Rezan Ahmed", Set.of(Role.REPORTER), true), "x-Rezan-Pass-1"));
        assertThatThrownBy(() -> bootstrap("rezan", "Çay-و-نان-2026!").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("existing account rezan");
        assertThat(accountService.find("rezan").orElseThrow().roles()).containsExactly(Role.REPORTER);
    }

    @Test
    void saysWhichFileItCannotRead() {
        Path missing = dir.resolve("nowhere");
        var bootstrap = new AdminBootstrap(
                accounts, passwords, audit, jdbc, transactions, new AdminBootstrapProperties("hevi", missing, "Admin"));
        assertThatThrownBy(() -> bootstrap.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot read cms.bootstrap.admin.password-file " + missing);
    }
}
