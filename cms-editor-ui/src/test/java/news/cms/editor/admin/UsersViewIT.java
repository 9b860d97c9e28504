package news.cms.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.NewAccount;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Admins manage accounts through the view; bad input stays in the form and stores nothing; others cannot get in. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class UsersViewIT extends SpringBrowserlessTest {

    static final String ADMIN = "hana";

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void people() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount(ADMIN, "Hana Ali", Set.of(Role.ADMIN), true), "hana-admin-pass"));
        news.cms.testsupport.Newsroom.asAdmin(() ->
                accounts.save(new UserAccount("rebin", "ڕێبین عومەر", Set.of(Role.REPORTER), true), "rebin-pass-1"));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aWeakPasswordOrMissingRoleIsShownAtTheFieldAndNothingIsStoredUntilTheFormIsRight() {
        navigate(UsersView.class);
        assertThat(usernames()).contains(ADMIN, "rebin");

        test($(Button.class).id("new-user")).click();
        Dialog dialog = $(Dialog.class).id("create-user-dialog");
        test($(TextField.class, dialog).id("new-username")).setValue("dilan");
        test($(TextField.class, dialog).id("new-display-name")).setValue("دیلان کەریم");
        test($(PasswordField.class, dialog).id("new-password")).setValue("kurt-1");
        test($(Button.class, dialog).id("create-user")).click();

        PasswordField password = $(PasswordField.class, dialog).id("new-password");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("At least 12 characters.");
        CheckboxGroup<?> roles = $(CheckboxGroup.class, dialog).id("new-roles");
        assertThat(roles.isInvalid()).isTrue();
        assertThat(roles.getErrorMessage()).isEqualTo("Choose at least one role.");
        assertThat($(TextField.class, dialog).id("new-display-name").getValue()).isEqualTo("دیلان کەریم");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(accounts.find("dilan")).isEmpty();

        test(password).setValue("dilan-2026-hewler");
        assertThat(password.getErrorMessage()).isEqualTo("The password must not contain the username.");
        test(password).setValue("Hewler-2026-baran");
        test($(CheckboxGroup.class, dialog).id("new-roles")).selectItem("Reporter");
        test($(Button.class, dialog).id("create-user")).click();

        assertThat(dialog.isOpened()).isFalse();
        UserAccount created = accounts.find("dilan").orElseThrow();
        assertThat(created.displayName()).isEqualTo("دیلان کەریم");
        assertThat(created.roles()).containsExactly(Role.REPORTER);
        assertThat(usernames()).contains("dilan");
        assertThat(trail("dilan"))
                .extracting(AuditEvent::actor, AuditEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ADMIN, "account.create"));
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void aTakenUsernameIsRefusedAtTheFieldAndTheExistingAccountStays() {
        navigate(UsersView.class);
        test($(Button.class).id("new-user")).click();
        Dialog dialog = $(Dialog.class).id("create-user-dialog");
        test($(TextField.class, dialog).id("new-username")).setValue("rebin");
        test($(TextField.class, dialog).id("new-display-name")).setValue("Başka Rebin");
        test($(PasswordField.class, dialog).id("new-password")).setValue("Ankara-2026-x");
        test($(CheckboxGroup.class, dialog).id("new-roles")).selectItem("Admin");
        test($(Button.class, dialog).id("create-user")).click();

        TextField username = $(TextField.class, dialog).id("new-username");
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username rebin is taken.");
        assertThat(accounts.find("rebin").orElseThrow().roles()).containsExactly(Role.REPORTER);
        assertThat(accounts.find("rebin").orElseThrow().displayName()).isEqualTo("ڕێبین عومەر");
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void rolesChangeAndDisablingAsksFirst() {
        navigate(UsersView.class);
        // Each row's buttons say whose account they change (a screen reader hears them out of the grid).
        assertThat(action("rebin", "roles-rebin").getAriaLabel()).hasValue("Roles of rebin");
        assertThat(action("rebin", "disable-rebin").getAriaLabel()).hasValue("Disable rebin");
        test(action("rebin", "roles-rebin")).click();
        test($(CheckboxGroup.class, $(Dialog.class).id("roles-dialog")).single())
                .selectItem("Editor");
        test($(Button.class).id("roles-save")).click();
        assertThat(accounts.find("rebin").orElseThrow().roles()).containsExactlyInAnyOrder(Role.REPORTER, Role.EDITOR);

        test(action("rebin", "disable-rebin")).click();
        ConfirmDialog confirm = $(ConfirmDialog.class).id("confirm-disable");
        test(confirm).cancel();
        assertThat(accounts.find("rebin").orElseThrow().enabled()).isTrue();
        test(action("rebin", "disable-rebin")).click();
        test($(ConfirmDialog.class).id("confirm-disable")).confirm();
        assertThat(accounts.find("rebin").orElseThrow().enabled()).isFalse();
        assertThat(action("rebin", "enable-rebin").getAriaLabel()).hasValue("Enable rebin");
        test(action("rebin", "enable-rebin")).click();
        assertThat(accounts.find("rebin").orElseThrow().enabled()).isTrue();

        // The admin's own account cannot be disabled from here either: the service refuses, nothing changes.
        test(action(ADMIN, "disable-" + ADMIN)).click();
        test($(ConfirmDialog.class).id("confirm-disable")).confirm();
        assertThat(accounts.find(ADMIN).orElseThrow().enabled()).isTrue();
        assertThat(trail("rebin"))
                .extracting(AuditEvent::action)
                .containsExactly("account.enable", "account.disable", "account.roles");
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void anEditorSeesNoAdminEntriesCannotOpenTheViewAndTheServiceRefuses() {
        navigate("", com.vaadin.flow.component.Component.class);
        assertThat($(SideNavItem.class, $(SideNav.class).id("nav")).all())
                .extracting(i -> i.getId().orElseThrow())
                .containsExactly(
                        "nav-item-desk",
                        "nav-item-search",
                        "nav-item-calendar",
                        "nav-item-notes",
                        "nav-item-budget",
                        "nav-item-assignments");

        try {
            navigate(UsersView.class);
        } catch (RuntimeException refused) {
            // Browserless reports the refused navigation as an error; what matters is where we are.
        }
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThat($(Grid.class).withId("users-grid").exists()).isFalse();

        assertThatThrownBy(
                        () -> accounts.create(new NewAccount("sneaky", "Sneaky", Set.of(Role.ADMIN), "Gizli-2026-xyz")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setEnabled("rebin", false)).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.find("sneaky")).isEmpty();
        assertThat(accounts.find("rebin").orElseThrow().enabled()).isTrue();
    }

    @Test
    @WithMockUser(username = ADMIN, roles = "ADMIN")
    void anAdminSeesTheAdminEntries() {
        navigate(UsersView.class);
        assertThat($(SideNavItem.class, $(SideNav.class).id("nav")).all())
                .extracting(i -> i.getId().orElseThrow())
                .contains("nav-item-users", "nav-item-partner-keys");
    }

    /** A button in the account's row; grid cells are rendered on demand, so ask the grid for the cell. */
    @SuppressWarnings("unchecked")
    private Button action(String username, String id) {
        Grid<UserAccount> grid = $(Grid.class).id("users-grid");
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).username().equals(username)) {
                return tester.getCellComponent(row, 4)
                        .getChildren()
                        .map(Button.class::cast)
                        .filter(b -> b.getId().orElse("").equals(id))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + id + " in the row of " + username));
            }
        }
        throw new AssertionError("no row for " + username);
    }

    @SuppressWarnings("unchecked")
    private java.util.List<String> usernames() {
        Grid<UserAccount> grid = $(Grid.class).id("users-grid");
        return grid.getGenericDataView().getItems().map(UserAccount::username).toList();
    }

    private java.util.List<AuditEvent> trail(String username) {
        return audit.find(AuditQuery.forTarget("account", username));
    }
}
