package news.cms.editor.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.partnerkey.IssuedPartnerKey;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Partner API keys: issue one (its secret is shown once, in a dialog, and never again), see each
 * key's prefix, scopes, expiry, last use and state, revoke one after confirming.
 */
@Route("admin/partner-keys")
@RolesAllowed("ADMIN")
class PartnerKeysView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_RATE = 600;

    private final PartnerKeyService keys;
    private final Clock clock;
    private final Grid<PartnerKey> grid = new Grid<>(PartnerKey.class, false);

    PartnerKeysView(PartnerKeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        setSizeFull();
        grid.setId("partner-keys-grid");
        grid.addColumn(PartnerKey::name).setHeader(getTranslation("keys.name")).setFlexGrow(2);
        grid.addColumn(k -> k.prefix() + "…")
                .setHeader(getTranslation("keys.prefix"))
                .setAutoWidth(true);
        grid.addColumn(this::scopes).setHeader(getTranslation("keys.scopes")).setAutoWidth(true);
        grid.addColumn(k -> k.expiresAt() == null ? getTranslation("keys.never") : Notices.when(k.expiresAt()))
                .setHeader(getTranslation("keys.expires"))
                .setAutoWidth(true);
        grid.addColumn(k -> k.lastUsedAt() == null ? getTranslation("keys.unused") : Notices.when(k.lastUsedAt()))
                .setHeader(getTranslation("keys.last-used"))
                .setAutoWidth(true);
        grid.addColumn(PartnerKey::requestsPerMinute)
                .setHeader(getTranslation("keys.rate"))
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("admin.state")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true);
        Button issue = new Button(getTranslation("keys.new"), e -> openIssue());
        issue.setId("new-partner-key");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.partner-keys")), issue, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(keys.list());
    }

    private String scopes(PartnerKey k) {
        return k.scopes().isEmpty()
                ? getTranslation("keys.scope.none")
                : EnumSet.copyOf(k.scopes()).stream()
                        .map(s -> getTranslation("keys.scope." + Notices.key(s.name())))
                        .collect(Collectors.joining(", "));
    }

    private String state(PartnerKey k) {
        if (k.isRevoked()) {
            return getTranslation("keys.revoked");
        }
        return getTranslation(k.isExpiredAt(clock.instant()) ? "keys.expired" : "keys.active");
    }

    private Span revokeButton(PartnerKey k) {
        Span cell = new Span();
        if (k.isRevoked()) {
            return cell;
        }
        Button revoke = new Button(getTranslation("keys.revoke"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    getTranslation("keys.revoke.title", k.name()),
                    getTranslation("keys.revoke.text", k.prefix()),
                    getTranslation("keys.revoke"),
                    ok -> {
                        try {
                            keys.revoke(k.id());
                            Notices.done(getTranslation("keys.revoked.done", k.name()));
                        } catch (AccessDeniedException | IllegalStateException | IllegalArgumentException ex) {
                            Notices.refused(Notices.explain(ex));
                        }
                        refresh();
                    });
            confirm.setId("confirm-revoke");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("dialog.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        revoke.setId("revoke-" + k.prefix());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        cell.add(revoke);
        return cell;
    }

    /** What the issue form holds while it is typed. */
    static final class Draft {
        String name = "";
        Set<PartnerScope> scopes = EnumSet.noneOf(PartnerScope.class);

        @Nullable
        LocalDateTime expires;

        @Nullable
        Integer rate = DEFAULT_RATE;
    }

    private void openIssue() {
        Dialog dialog = new Dialog();
        dialog.setId("issue-key-dialog");
        dialog.setHeaderTitle(getTranslation("keys.new"));
        TextField name = new TextField(getTranslation("keys.name"));
        name.setId("key-name");
        name.setMaxLength(NewPartnerKey.MAX_NAME);
        name.getElement().setAttribute("dir", "auto");
        CheckboxGroup<PartnerScope> scopes = new CheckboxGroup<>(getTranslation("keys.scopes"));
        scopes.setId("key-scopes");
        scopes.setItems(PartnerScope.values());
        scopes.setItemLabelGenerator(s -> getTranslation("keys.scope." + Notices.key(s.name())));
        DateTimePicker expires = new DateTimePicker(getTranslation("keys.expires"));
        expires.setId("key-expires");
        expires.setHelperText(
                getTranslation("keys.expires.helper", Notices.zone().getId()));
        IntegerField rate = new IntegerField(getTranslation("keys.rate"));
        rate.setId("key-rate");
        // No min/max on the field: its own check would show an empty message; the domain's rule speaks.
        rate.setHelperText(getTranslation("keys.rate.invalid", NewPartnerKey.MAX_RATE));

        Binder<Draft> binder = new Binder<>();
        binder.forField(name)
                .withValidator((v, c) -> probe(() -> new NewPartnerKey(v, Set.of(), null, 1), "keys.name.invalid"))
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.bind(
                scopes,
                d -> d.scopes,
                (d, v) -> d.scopes = v.isEmpty() ? EnumSet.noneOf(PartnerScope.class) : EnumSet.copyOf(v));
        binder.forField(expires)
                .withValidator(
                        v -> v == null || v.atZone(Notices.zone()).toInstant().isAfter(clock.instant()),
                        getTranslation("keys.expires.past"))
                .bind(d -> d.expires, (d, v) -> d.expires = v);
        binder.forField(rate)
                .withValidator((v, c) -> v == null
                        ? ValidationResult.error(getTranslation("keys.rate.invalid", NewPartnerKey.MAX_RATE))
                        : probe(() -> new NewPartnerKey("x", Set.of(), null, v), "keys.rate.invalid"))
                .bind(d -> d.rate, (d, v) -> d.rate = v);
        binder.setBean(new Draft());

        dialog.add(new FormLayout(name, scopes, expires, rate));
        Button ok = new Button(getTranslation("keys.issue"), e -> {
            if (!binder.validate().isOk()) {
                return;
            }
            Draft d = binder.getBean();
            Instant until =
                    d.expires == null ? null : d.expires.atZone(Notices.zone()).toInstant();
            try {
                IssuedPartnerKey issued = keys.issue(new NewPartnerKey(d.name, d.scopes, until, d.rate));
                dialog.close();
                refresh();
                showSecretOnce(issued);
            } catch (news.cms.core.partnerkey.InvalidExpiry ex) {
                expires.setErrorMessage(getTranslation("keys.expires.past"));
                expires.setInvalid(true);
            } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException ex) {
                Notices.refused(Notices.explain(ex));
            }
        });
        ok.setId("issue-key");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private ValidationResult probe(Runnable construct, String key) {
        try {
            construct.run();
            return ValidationResult.ok();
        } catch (IllegalArgumentException e) {
            return ValidationResult.error(getTranslation(key, NewPartnerKey.MAX_RATE));
        }
    }

    /** The secret exists here only: it is not stored, so this dialog is the one chance to copy it. */
    private void showSecretOnce(IssuedPartnerKey issued) {
        Dialog dialog = new Dialog();
        dialog.setId("secret-dialog");
        dialog.setHeaderTitle(getTranslation("keys.secret.title", issued.key().name()));
        dialog.setCloseOnOutsideClick(false);
        Span secret = new Span(issued.secret());
        secret.setId("key-secret");
        secret.addClassName("secret");
        secret.getElement().setAttribute("dir", "ltr");
        // The browser copies it; the server never sends it anywhere else.
        Button copy = new Button(
                getTranslation("keys.secret.copy"),
                e -> secret.getElement()
                        .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.secret()));
        copy.setId("secret-copy");
        dialog.add(new Paragraph(getTranslation("keys.secret.text")), new HorizontalLayout(secret, copy));
        Button done = new Button(getTranslation("keys.secret.done"), e -> dialog.close());
        done.setId("secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("keys.page-title");
    }
}
