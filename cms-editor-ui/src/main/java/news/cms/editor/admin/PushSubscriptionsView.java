package news.cms.editor.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.push.EndpointRefused;
import news.cms.core.push.InvalidSubscription;
import news.cms.core.push.IssuedSecret;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushProperties;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionSettings;
import news.cms.core.push.SubscriptionState;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Partners' push subscriptions: each one's endpoint, events, filters, payload and state; make one
 * (its signing secret is shown once), change it, pause and resume it, rotate its secret (shown once;
 * the old one keeps signing during the overlap), and open its delivery log.
 */
@Route("admin/push")
@RolesAllowed("ADMIN")
class PushSubscriptionsView extends VerticalLayout implements HasDynamicTitle {

    private final PushSubscriptions push;
    private final PartnerKeyService keys;
    private final Duration overlap;
    private final Grid<Subscription> grid = new Grid<>(Subscription.class, false);

    PushSubscriptionsView(PushSubscriptions push, PartnerKeyService keys, PushProperties properties) {
        this.push = push;
        this.keys = keys;
        this.overlap = properties.secretOverlap();
        setSizeFull();
        grid.setId("push-grid");
        grid.addColumn(Subscription::name)
                .setHeader(getTranslation("push.name"))
                .setFlexGrow(1);
        grid.addComponentColumn(s -> ltr(s.endpoint().toString()))
                .setHeader(getTranslation("push.endpoint"))
                .setFlexGrow(2);
        grid.addColumn(s -> events(s.events()))
                .setHeader(getTranslation("push.events"))
                .setFlexGrow(2);
        grid.addColumn(this::filters).setHeader(getTranslation("push.filters")).setAutoWidth(true);
        grid.addColumn(s ->
                        getTranslation("push.payload." + Notices.key(s.payload().name())))
                .setHeader(getTranslation("push.payload"))
                .setAutoWidth(true);
        grid.addColumn(this::state).setHeader(getTranslation("admin.state")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        Button create = new Button(getTranslation("push.new"), e -> openForm(null));
        create.setId("new-push-subscription");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.push")), create, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(push.list());
    }

    private String events(Set<PushEvent> events) {
        return EnumSet.copyOf(events).stream()
                .map(e -> getTranslation("push.event." + Notices.key(e.name())))
                .collect(Collectors.joining(", "));
    }

    private String filters(Subscription s) {
        String languages = s.languages().isEmpty()
                ? getTranslation("push.all-languages")
                : s.languages().stream().sorted().map(Notices::languageName).collect(Collectors.joining(", "));
        String sections = s.sections().isEmpty()
                ? getTranslation("push.all-sections")
                : s.sections().stream().sorted().collect(Collectors.joining(", "));
        return languages + " · " + sections;
    }

    private String state(Subscription s) {
        String state = getTranslation("push.state." + Notices.key(s.state().name()));
        return s.failingSince() != null && s.state() == SubscriptionState.ACTIVE
                ? getTranslation("push.failing-since", state, Notices.when(s.failingSince()))
                : state;
    }

    private Component actions(Subscription s) {
        String id = s.id().toString();
        Button edit = small(getTranslation("push.edit"), "push-edit-" + id, e -> openForm(s));
        Button toggle = s.state() == SubscriptionState.ACTIVE
                ? small(getTranslation("push.pause"), "push-pause-" + id, e -> act(() -> push.pause(s.id())))
                : small(getTranslation("push.resume"), "push-resume-" + id, e -> act(() -> push.resume(s.id())));
        Button rotate = small(getTranslation("push.rotate"), "push-rotate-" + id, e -> confirmRotate(s));
        Anchor log = new Anchor("admin/push-log/" + id, getTranslation("push.log"));
        log.getElement().setAttribute("router-link", true);
        log.setId("push-log-" + id);
        HorizontalLayout cell = new HorizontalLayout(edit, toggle, rotate, log);
        cell.setAlignItems(Alignment.BASELINE);
        cell.setSpacing(true);
        return cell;
    }

    private static Button small(
            String text,
            String id,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        Button b = new Button(text, click);
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException e) {
            Notices.refused(Notices.explain(e));
        } catch (news.cms.core.push.SubscriptionNotFound e) {
            Notices.refused(getTranslation("push.gone"));
        }
        refresh();
    }

    private void confirmRotate(Subscription s) {
        ConfirmDialog confirm = new ConfirmDialog(
                getTranslation("push.rotate.title", s.name()),
                getTranslation("push.rotate.text", overlap.toHours()),
                getTranslation("push.rotate"),
                ok -> {
                    try {
                        IssuedSecret issued = push.rotateSecret(s.id());
                        refresh();
                        showSecretOnce(issued, true);
                    } catch (AccessDeniedException | IllegalArgumentException e) {
                        Notices.refused(Notices.explain(e));
                    }
                });
        confirm.setId("confirm-rotate");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("dialog.cancel"));
        confirm.open();
    }

    /** The form for a new subscription ({@code editing} null) or for changing one. */
    private void openForm(@Nullable Subscription editing) {
        Dialog dialog = new Dialog();
        dialog.setId("push-form");
        dialog.setHeaderTitle(getTranslation(editing == null ? "push.new" : "push.edit.title"));
        TextField name = new TextField(getTranslation("push.name"));
        name.setId("push-name");
        name.setMaxLength(100);
        name.getElement().setAttribute("dir", "auto");
        TextField endpoint = new TextField(getTranslation("push.endpoint"));
        endpoint.setId("push-endpoint");
        endpoint.setPlaceholder("https://partner.example/hooks");
        // A URL reads left to right in every UI language: the input only (editor.css), while the
        // label and the messages stay in the UI's direction.
        endpoint.getElement().setAttribute("data-text-dir", "ltr");
        endpoint.setWidthFull();
        CheckboxGroup<PushEvent> events = new CheckboxGroup<>(getTranslation("push.events"));
        events.setId("push-events");
        events.setItems(PushEvent.values());
        events.setItemLabelGenerator(e -> getTranslation("push.event." + Notices.key(e.name())));
        TextField languages = new TextField(getTranslation("push.languages"));
        languages.setId("push-languages");
        languages.setHelperText(getTranslation("push.languages.helper"));
        languages.getElement().setAttribute("data-text-dir", "ltr");
        TextField sections = new TextField(getTranslation("push.sections"));
        sections.setId("push-sections");
        sections.setHelperText(getTranslation("push.sections.helper"));
        sections.getElement().setAttribute("dir", "auto");
        Select<PayloadForm> payload = new Select<>();
        payload.setId("push-payload");
        payload.setLabel(getTranslation("push.payload"));
        payload.setItems(PayloadForm.values());
        payload.setItemLabelGenerator(p -> getTranslation("push.payload." + Notices.key(p.name())));
        payload.setValue(PayloadForm.NOTICE);
        ComboBox<PartnerKey> partner = new ComboBox<>(getTranslation("push.partner-key"));
        partner.setId("push-partner-key");
        partner.setHelperText(getTranslation("push.partner-key.helper"));
        List<PartnerKey> usable =
                keys.list().stream().filter(k -> !k.isRevoked()).toList();
        partner.setItems(usable);
        partner.setItemLabelGenerator(k -> k.name() + " (" + k.prefix() + "…)");
        partner.setClearButtonVisible(true);
        if (editing != null) {
            name.setValue(editing.name());
            endpoint.setValue(editing.endpoint().toString());
            events.setValue(editing.events());
            languages.setValue(
                    String.join(", ", editing.languages().stream().sorted().toList()));
            sections.setValue(
                    String.join(", ", editing.sections().stream().sorted().toList()));
            payload.setValue(editing.payload());
            usable.stream()
                    .filter(k -> k.id().equals(editing.partnerKey()))
                    .findFirst()
                    .ifPresent(partner::setValue);
        }
        FormLayout form = new FormLayout(name, endpoint, events, languages, sections, payload, partner);
        form.setColspan(endpoint, 2);
        form.setColspan(events, 2);
        dialog.add(form);
        List<com.vaadin.flow.component.HasValidation> fields = List.of(name, endpoint, events, languages, sections);

        Button save = new Button(getTranslation(editing == null ? "push.create" : "push.save"), e -> {
            fields.forEach(f -> f.setInvalid(false));
            URI url = url(endpoint.getValue());
            if (url == null) {
                invalid(endpoint, getTranslation("push.endpoint.not-url"));
                return;
            }
            SubscriptionSettings settings;
            try {
                settings = new SubscriptionSettings(
                        name.getValue(),
                        url,
                        events.getValue(),
                        list(languages.getValue(), "[,،\\s]+"),
                        list(sections.getValue(), "[,،]+"),
                        payload.getValue(),
                        partner.getValue() == null ? null : partner.getValue().id());
            } catch (InvalidSubscription refused) {
                invalid(
                        field(refused.field(), name, endpoint, events, languages, sections),
                        getTranslation("push.invalid." + Notices.key(refused.field())));
                return;
            }
            try {
                if (editing == null) {
                    IssuedSecret issued = push.create(settings);
                    dialog.close();
                    refresh();
                    showSecretOnce(issued, false);
                } else {
                    push.update(editing.id(), settings);
                    dialog.close();
                    refresh();
                    Notices.done(getTranslation("push.saved", settings.name()));
                }
            } catch (EndpointRefused refused) {
                invalid(
                        endpoint,
                        getTranslation(
                                "push.endpoint." + Notices.key(refused.reason().name())));
            } catch (InvalidSubscription refused) {
                if (refused.field().equals("partnerKey")) {
                    partner.setErrorMessage(getTranslation("push.invalid.partner-key"));
                    partner.setInvalid(true);
                } else {
                    invalid(
                            field(refused.field(), name, endpoint, events, languages, sections),
                            getTranslation("push.invalid." + Notices.key(refused.field())));
                }
            } catch (AccessDeniedException | IllegalArgumentException | IllegalStateException refused) {
                Notices.refused(Notices.explain(refused));
            }
        });
        save.setId("push-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private static com.vaadin.flow.component.HasValidation field(
            String name,
            TextField nameField,
            TextField endpoint,
            CheckboxGroup<PushEvent> events,
            TextField languages,
            TextField sections) {
        return switch (name) {
            case "endpoint" -> endpoint;
            case "events" -> events;
            case "languages" -> languages;
            case "sections" -> sections;
            default -> nameField;
        };
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** A URL as typed, or null when it is not one at all (the guard judges the rest). */
    private static @Nullable URI url(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** "ar, ckb" as a set, split where {@code separators} match (Arabic commas too). */
    private static Set<String> list(String typed, String separators) {
        return Arrays.stream((typed == null ? "" : typed).split(separators))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The secret exists in this dialog only: the subscription list never shows it again. */
    private void showSecretOnce(IssuedSecret issued, boolean rotated) {
        Dialog dialog = new Dialog();
        dialog.setId("push-secret-dialog");
        dialog.setHeaderTitle(
                getTranslation("push.secret.title", issued.subscription().name()));
        dialog.setCloseOnOutsideClick(false);
        Span secret = ltr(issued.secret());
        secret.setId("push-secret");
        secret.addClassName("secret");
        Button copy = new Button(
                getTranslation("keys.secret.copy"),
                e -> secret.getElement()
                        .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.secret()));
        copy.setId("push-secret-copy");
        dialog.add(new Paragraph(getTranslation("push.secret.text")));
        if (rotated) {
            dialog.add(new Paragraph(getTranslation("push.secret.overlap", overlap.toHours())));
        }
        dialog.add(new HorizontalLayout(secret, copy));
        Button done = new Button(getTranslation("keys.secret.done"), e -> dialog.close());
        done.setId("push-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
    }

    private static Span ltr(String text) {
        Span span = new Span(text);
        span.getElement().setAttribute("dir", "ltr");
        span.addClassName("push-ltr");
        return span;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("push.page-title");
    }
}
