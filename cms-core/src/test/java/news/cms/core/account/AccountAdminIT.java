package news.cms.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Admins create accounts, change roles, disable and enable them; others cannot; every change and sign-in is audited. */
@CmsIntegrationTest
class AccountAdminIT {

    static final String ADMIN = "hana";

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void anAdminCreatesAnAccountWhosePasswordWorksAndTheCreationIsAudited() {
        UserAccount created = asAdmin(() ->
                accounts.create(new NewAccount("dilan", "دیلان کەریم", Set.of(Role.REPORTER), "Hewler-2026-baran")));

        assertThat(created.enabled()).isTrue();
        var details = accounts.loadUserByUsername("dilan");
        assertThat(passwords.matches("Hewler-2026-baran", details.getPassword()))
                .isTrue();
        assertThat(details.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REPORTER");
        assertThat(asAdmin(() -> accounts.list()))
                .extracting(UserAccount::username, UserAccount::displayName)
                .contains(org.assertj.core.groups.Tuple.tuple("dilan", "دیلان کەریم"));
        assertThat(trail("dilan"))
                .extracting(AuditEvent::actor, AuditEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ADMIN, "account.create"));
    }

    @Test
    void aTakenUsernameIsRefusedAndTheExistingAccountKeepsItsPassword() {
        asAdmin(() -> accounts.create(new NewAccount("murat", "Murat Yılmaz", Set.of(Role.EDITOR), "Ankara 2026!")));

        assertThatThrownBy(() -> asAdmin(() ->
                        accounts.create(new NewAccount("murat", "Başka Murat", Set.of(Role.ADMIN), "Başka-şifre-99"))))
                .isInstanceOf(AccountExists.class);

        assertThat(accounts.find("murat").orElseThrow().displayName()).isEqualTo("Murat Yılmaz");
        assertThat(accounts.find("murat").orElseThrow().roles()).containsExactly(Role.EDITOR);
        assertThat(passwords.matches(
                        "Ankara 2026!", accounts.loadUserByUsername("murat").getPassword()))
                .isTrue();
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        assertThat(reason("kurz-1")).isEqualTo(WeakPassword.Reason.TOO_SHORT);
        assertThat(reason("onlylettersherelong")).isEqualTo(WeakPassword.Reason.ONE_KIND);
        assertThat(reason("كلمةمرورطويلةجدا")).isEqualTo(WeakPassword.Reason.ONE_KIND);
        assertThat(reason("123456789012345")).isEqualTo(WeakPassword.Reason.ONE_KIND);
        assertThat(reason("xx-SARDAR-2026-xx")).isEqualTo(WeakPassword.Reason.CONTAINS_USERNAME);
        // Letters of any script count: Arabic letters with digits pass.
        new NewAccount("sardar", "Sardar", Set.of(Role.REPORTER), "كلمة مرور 2026");
        assertThat(accounts.find("sardar")).isEmpty();
    }

    @Test
    void rolesChangeAndADisabledAccountCannotSignIn() {
        asAdmin(() -> accounts.create(new NewAccount("aram", "Aram Salih", Set.of(Role.REPORTER), "Slemani-2026")));

        UserAccount editor = asAdmin(() -> accounts.changeRoles("aram", Set.of(Role.REPORTER, Role.EDITOR)));
        assertThat(editor.roles()).containsExactlyInAnyOrder(Role.REPORTER, Role.EDITOR);
        assertThat(accounts.loadUserByUsername("aram").getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_REPORTER", "ROLE_EDITOR");

        asAdmin(() -> accounts.setEnabled("aram", false));
        assertThat(accounts.loadUserByUsername("aram").isEnabled()).isFalse();
        asAdmin(() -> accounts.setEnabled("aram", true));
        assertThat(accounts.loadUserByUsername("aram").isEnabled()).isTrue();

        assertThat(trail("aram"))
                .extracting(AuditEvent::action)
                .containsExactly("account.enable", "account.disable", "account.roles", "account.create");
        assertThat(trail("aram").get(2).details())
                .containsEntry("from", "REPORTER")
                .containsEntry("to", "REPORTER,EDITOR");
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount(ADMIN, "Hana Ali", Set.of(Role.ADMIN), true), "hana-demo-pass"));

        assertThatThrownBy(() -> asAdmin(() -> accounts.setEnabled(ADMIN, false)))
                .isInstanceOf(SelfLockout.class);
        assertThatThrownBy(() -> asAdmin(() -> accounts.changeRoles(ADMIN, Set.of(Role.EDITOR))))
                .isInstanceOf(SelfLockout.class);

        assertThat(accounts.find(ADMIN).orElseThrow().enabled()).isTrue();
        assertThat(accounts.find(ADMIN).orElseThrow().roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void editorsAndReportersAreRefusedEveryAdminMethodAndNothingChanges() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("rebin", "Rebin", Set.of(Role.REPORTER), true), "rebin-pass-1"));
        for (Role role : List.of(Role.REPORTER, Role.EDITOR, Role.MODERATOR)) {
            assertThatThrownBy(() -> Newsroom.as("someone", () -> accounts.list(), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Newsroom.as(
                            "someone",
                            () -> accounts.create(
                                    new NewAccount("sneaky", "Sneaky", Set.of(Role.ADMIN), "Gizli-2026-xyz")),
                            role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() ->
                            Newsroom.as("someone", () -> accounts.changeRoles("rebin", Set.of(Role.ADMIN)), role))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Newsroom.as("someone", () -> accounts.setEnabled("rebin", false), role))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(accounts.find("sneaky")).isEmpty();
        assertThat(accounts.find("rebin").orElseThrow().roles()).containsExactly(Role.REPORTER);
        assertThat(accounts.find("rebin").orElseThrow().enabled()).isTrue();
        assertThat(trail("rebin")).isEmpty();
    }

    @Test
    void signInsAndFailedSignInsGoIntoTheAuditTrail() {
        events.publishEvent(new AuthenticationSuccessEvent(new UsernamePasswordAuthenticationToken(
                "layla", null, AuthorityUtils.createAuthorityList("ROLE_EDITOR"))));
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                new UsernamePasswordAuthenticationToken("layla", "wrong"), new BadCredentialsException("bad")));
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                new UsernamePasswordAuthenticationToken("x".repeat(500), "wrong"), new BadCredentialsException("bad")));

        assertThat(trail("layla"))
                .extracting(AuditEvent::action)
                .containsExactly("account.sign-in-failed", "account.sign-in");
        assertThat(trail("layla").getFirst().details()).containsEntry("reason", "BadCredentialsException");
        assertThat(trail("x".repeat(64))).hasSize(1);
    }

    private WeakPassword.Reason reason(String password) {
        try {
            new NewAccount("sardar", "Sardar", Set.of(Role.REPORTER), password);
        } catch (WeakPassword e) {
            return e.reason();
        }
        throw new AssertionError("accepted: " + password);
    }

    private List<AuditEvent> trail(String username) {
        return asAdmin(() -> audit.find(AuditQuery.forTarget("account", username)));
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Newsroom.as(ADMIN, action, Role.ADMIN);
    }
}
