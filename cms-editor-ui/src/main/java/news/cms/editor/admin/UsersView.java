package news.cms.editor.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.account.AccountExists;
import news.cms.core.account.AccountService;
import news.cms.core.account.NewAccount;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.account.WeakPassword;
import news.cms.core.language.Texts;
import news.cms.editor.layout.Notices;
import org.springframework.security.access.AccessDeniedException;

/**
 * Staff accounts: who exists with which roles, create one, change roles, disable or enable. Every
 * field is checked by the domain's own rules; a refused form keeps what was typed.
 */
@Route("admin/users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);

    UsersView(AccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        grid.setId("users-grid");
        grid.addColumn(UserAccount::username)
                .setHeader(getTranslation("admin.username"))
                .setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("admin.display-name"));
        grid.addColumn(this::roles).setHeader(getTranslation("admin.roles"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "admin.enabled" : "admin.disabled"))
                .setHeader(getTranslation("admin.state"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        Button create = new Button(getTranslation("admin.new-user"), e -> openCreate());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.users")), create, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private String roles(UserAccount a) {
        return EnumSet.copyOf(a.roles()).stream()
                .map(r -> getTranslation("role." + Notices.key(r.name())))
                .collect(Collectors.joining(", "));
    }

    private HorizontalLayout actions(UserAccount a) {
        Button roles = new Button(getTranslation("admin.change-roles"), e -> openRoles(a));
        roles.setId("roles-" + a.username());
        roles.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button toggle = new Button(getTranslation(a.enabled() ? "admin.disable" : "admin.enable"));
        toggle.setId((a.enabled() ? "disable-" : "enable-") + a.username());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
        // Each row's buttons say whose account they change (a screen reader lists them out of the row).
        roles.setAriaLabel(getTranslation("admin.change-roles.for", a.username()));
        toggle.setAriaLabel(getTranslation(a.enabled() ? "admin.disable.for" : "admin.enable.for", a.username()));
        if (a.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
            toggle.addClickListener(e -> {
                ConfirmDialog confirm = new ConfirmDialog(
                        getTranslation("admin.disable.title", a.username()),
                        getTranslation("admin.disable.text"),
                        getTranslation("admin.disable"),
                        ok -> setEnabled(a, false));
                confirm.setId("confirm-disable");
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("dialog.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
        } else {
            toggle.addClickListener(e -> setEnabled(a, true));
        }
        return new HorizontalLayout(roles, toggle);
    }

    private void setEnabled(UserAccount a, boolean enabled) {
        try {
            accounts.setEnabled(a.username(), enabled);
            Notices.done(getTranslation(enabled ? "admin.enabled.done" : "admin.disabled.done", a.username()));
        } catch (AccessDeniedException | IllegalStateException e) {
            Notices.refused(refusal(e));
        }
        refresh();
    }

    private void openRoles(UserAccount a) {
        Dialog dialog = new Dialog();
        dialog.setId("roles-dialog");
        dialog.setHeaderTitle(getTranslation("admin.change-roles.title", a.username()));
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(a.roles());
        dialog.add(roles);
        Button save = new Button(getTranslation("story.save"), e -> {
            if (roles.getValue().isEmpty()) {
                roles.setErrorMessage(getTranslation("admin.roles.required"));
                roles.setInvalid(true);
                return;
            }
            try {
                accounts.changeRoles(a.username(), roles.getValue());
                dialog.close();
                Notices.done(getTranslation("admin.roles.done", a.username()));
                refresh();
            } catch (AccessDeniedException | IllegalStateException | IllegalArgumentException ex) {
                roles.setErrorMessage(refusal(ex));
                roles.setInvalid(true);
            }
        });
        save.setId("roles-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** What the create form holds while it is typed. */
    static final class Draft {
        String username = "";
        String displayName = "";
        String password = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setId("create-user-dialog");
        dialog.setHeaderTitle(getTranslation("admin.new-user"));
        TextField username = new TextField(getTranslation("admin.username"));
        username.setId("new-username");
        username.setHelperText(getTranslation("admin.username.helper"));
        username.getElement().setAttribute("dir", "ltr");
        TextField displayName = new TextField(getTranslation("admin.display-name"));
        displayName.setId("new-display-name");
        displayName.getElement().setAttribute("dir", "auto");
        PasswordField password = new PasswordField(getTranslation("admin.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("admin.password.helper", NewAccount.MIN_PASSWORD));
        CheckboxGroup<Role> roles = roleChoice();
        roles.setId("new-roles");
        for (var f : new com.vaadin.flow.data.value.HasValueChangeMode[] {username, displayName, password}) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }

        Binder<Draft> binder = new Binder<>();
        binder.forField(username)
                .withValidator((v, c) -> {
                    try {
                        new UserAccount(v, "x", Set.of(Role.REPORTER), true);
                        return ValidationResult.ok();
                    } catch (IllegalArgumentException e) {
                        return ValidationResult.error(getTranslation("admin.username.invalid"));
                    }
                })
                .bind(d -> d.username, (d, v) -> d.username = v);
        binder.forField(displayName)
                .withValidator((v, c) -> {
                    try {
                        Texts.required(v, "display name");
                        return ValidationResult.ok();
                    } catch (IllegalArgumentException e) {
                        return ValidationResult.error(getTranslation("admin.display-name.required"));
                    }
                })
                .bind(d -> d.displayName, (d, v) -> d.displayName = v);
        binder.forField(password)
                .withValidator((v, c) -> {
                    try {
                        NewAccount.checkPassword(v, username.getValue());
                        return ValidationResult.ok();
                    } catch (WeakPassword e) {
                        return ValidationResult.error(getTranslation(
                                "admin.password." + Notices.key(e.reason().name()), NewAccount.MIN_PASSWORD));
                    }
                })
                .bind(d -> d.password, (d, v) -> d.password = v);
        binder.forField(roles)
                .withValidator(v -> !v.isEmpty(), getTranslation("admin.roles.required"))
                .bind(d -> d.roles, (d, v) -> d.roles = EnumSet.copyOf(v.isEmpty() ? EnumSet.noneOf(Role.class) : v));
        binder.setBean(new Draft());

        FormLayout form = new FormLayout(username, displayName, password, roles);
        dialog.add(form);
        Button save = new Button(getTranslation("admin.create"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Draft d = binder.getBean();
            try {
                accounts.create(new NewAccount(d.username, d.displayName, d.roles, d.password));
                dialog.close();
                Notices.done(getTranslation("admin.created", d.username));
                refresh();
            } catch (AccountExists ex) {
                username.setErrorMessage(getTranslation("admin.username.taken", ex.username()));
                username.setInvalid(true);
            } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException ex) {
                Notices.refused(refusal(ex));
            }
        });
        save.setId("create-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private CheckboxGroup<Role> roleChoice() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("admin.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + Notices.key(r.name())));
        return roles;
    }

    private String refusal(RuntimeException e) {
        return e instanceof news.cms.core.account.SelfLockout
                ? getTranslation("admin.self-lockout")
                : Notices.explain(e);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.page-title");
    }
}
