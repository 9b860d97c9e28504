package news.cms.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Subscription;
import news.cms.core.push.SubscriptionSettings;
import news.cms.core.push.SubscriptionState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Admins make push subscriptions: refusals are said at the field they are about (not a URL, plain
 * http where production rules apply, an address inside our network, no events) and store nothing;
 * the signing secret is shown once after making and after rotating; pause and resume.
 */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class PushSubscriptionsViewIT extends SpringBrowserlessTest {

    @Autowired
    PushSubscriptions push;

    @AfterEach
    void removeSubscriptions() {
        Newsroom.asAdmin(() -> push.list().forEach(s -> push.delete(s.id())));
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void refusalsAreSaidAtTheirFieldAndNothingIsStored() {
        navigate(PushSubscriptionsView.class);
        test($(Button.class).id("new-push-subscription")).click();
        Dialog form = $(Dialog.class).id("push-form");
        test(field(form, "push-name")).setValue("Rudaw syndication");

        test(field(form, "push-endpoint")).setValue("partner.example/hooks");
        save(form);
        assertThat(error(form, "push-endpoint"))
                .isEqualTo("Enter a full address, such as https://partner.example/hooks.");

        test(field(form, "push-endpoint")).setValue("http://partner.example/hooks");
        test(events(form)).selectItem("Published");
        save(form);
        assertThat(error(form, "push-endpoint")).isEqualTo("The address must start with https://.");

        // The SSRF rule: loopback and the cloud metadata address are inside, whatever the scheme.
        for (String inside : List.of("https://127.0.0.1:8443/hooks", "https://169.254.169.254/latest")) {
            test(field(form, "push-endpoint")).setValue(inside);
            save(form);
            assertThat(error(form, "push-endpoint"))
                    .as(inside)
                    .isEqualTo("Refused: this address leads into a private, loopback or internal network.");
        }

        test(field(form, "push-endpoint")).setValue("https://93.184.215.14/hooks");
        test(events(form)).deselectAll();
        save(form);
        assertThat($(CheckboxGroup.class, form).id("push-events").getErrorMessage())
                .isEqualTo("Choose at least one event.");
        assertThat(field(form, "push-endpoint").isInvalid()).isFalse();

        test(events(form)).selectItem("Published");
        test(field(form, "push-languages")).setValue("ar, Arabic!");
        save(form);
        assertThat(error(form, "push-languages")).isEqualTo("Use language codes such as en, ar, ckb, tr.");

        assertThat(form.isOpened()).isTrue();
        assertThat(asAdmin(push::list)).isEmpty();
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void theSecretIsShownOnceAfterMakingAndAfterRotating() {
        navigate(PushSubscriptionsView.class);
        test($(Button.class).id("new-push-subscription")).click();
        Dialog form = $(Dialog.class).id("push-form");
        test(field(form, "push-name")).setValue("شبكة رووداو");
        test(field(form, "push-endpoint")).setValue("https://93.184.215.14/hooks");
        test(events(form)).selectItem("Published");
        test(events(form)).selectItem("Killed");
        test(field(form, "push-languages")).setValue("ar، ckb");
        test(field(form, "push-sections")).setValue("Politics, Kültür");
        save(form);

        assertThat(form.isOpened()).isFalse();
        Subscription made = asAdmin(push::list).getFirst();
        assertThat(made.name()).isEqualTo("شبكة رووداو");
        assertThat(made.endpoint()).isEqualTo(URI.create("https://93.184.215.14/hooks"));
        assertThat(made.events()).containsExactlyInAnyOrder(PushEvent.PUBLISH, PushEvent.KILL);
        assertThat(made.languages()).containsExactlyInAnyOrder("ar", "ckb");
        assertThat(made.sections()).containsExactlyInAnyOrder("Politics", "Kültür");
        String secret = secretShown();
        assertThat(secret).startsWith("whsec_");
        test($(Button.class).id("push-secret-done")).click();
        assertThat(texts(UI.getCurrent().getElement())).noneMatch(t -> t.contains(secret));

        Grid<Subscription> grid = grid();
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Published, Killed");
        assertThat(test(grid).getCellText(0, 3))
                .isEqualTo(languageName("ar") + ", " + languageName("ckb") + " · Kültür, Politics");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("Active");

        test(action("push-rotate-" + made.id())).click();
        test($(ConfirmDialog.class).id("confirm-rotate")).confirm();
        String rotated = secretShown();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(texts($(Dialog.class).id("push-secret-dialog").getElement()))
                .anyMatch(t -> t.contains("The previous secret keeps signing for 24 hours too."));
        test($(Button.class).id("push-secret-done")).click();
        assertThat(texts(UI.getCurrent().getElement())).noneMatch(t -> t.contains(rotated));
        assertThat(asAdmin(() -> push.find(made.id())).previousSecretUntil()).isNotNull();

        test(action("push-pause-" + made.id())).click();
        assertThat(asAdmin(() -> push.find(made.id())).state()).isEqualTo(SubscriptionState.PAUSED);
        assertThat(test(grid()).getCellText(0, 5)).isEqualTo("Paused");
        test(action("push-resume-" + made.id())).click();
        assertThat(asAdmin(() -> push.find(made.id())).state()).isEqualTo(SubscriptionState.ACTIVE);
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void editingKeepsTheSecretAndChangesTheSettings() {
        Subscription made = asAdmin(() -> push.create(new SubscriptionSettings(
                        "Kurdistan24",
                        URI.create("https://93.184.215.14/k24"),
                        EnumSet.of(PushEvent.PUBLISH),
                        Set.of(),
                        Set.of(),
                        PayloadForm.NOTICE))
                .subscription());
        navigate(PushSubscriptionsView.class);
        test(action("push-edit-" + made.id())).click();
        Dialog form = $(Dialog.class).id("push-form");
        assertThat(field(form, "push-name").getValue()).isEqualTo("Kurdistan24");
        test(events(form)).selectItem("Corrected");
        test(field(form, "push-languages")).setValue("ckb");
        save(form);
        assertThat($(Dialog.class).all())
                .noneMatch(d -> "push-secret-dialog".equals(d.getId().orElse("")));
        Subscription changed = asAdmin(() -> push.find(made.id()));
        assertThat(changed.events()).containsExactlyInAnyOrder(PushEvent.PUBLISH, PushEvent.CORRECT);
        assertThat(changed.languages()).containsExactly("ckb");
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void anEditorCannotOpenTheViewAndTheServiceRefuses() {
        try {
            navigate(PushSubscriptionsView.class);
        } catch (RuntimeException refused) {
            // Browserless reports the refused navigation as an error; what matters is where we are.
        }
        assertThat(getCurrentView()).isNotInstanceOf(PushSubscriptionsView.class);
        assertThatThrownBy(() -> push.list()).isInstanceOf(AccessDeniedException.class);
    }

    /** A button of the first row's actions cell (grid cells are not in the component tree). */
    private Button action(String id) {
        var cell = test(grid()).getCellComponent(0, 6);
        return (Button) cell.getChildren()
                .filter(c -> c.getId().orElse("").equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id));
    }

    private String secretShown() {
        return $(Span.class, $(Dialog.class).id("push-secret-dialog"))
                .id("push-secret")
                .getText();
    }

    private void save(Dialog form) {
        test($(Button.class, form).id("push-save")).click();
    }

    private TextField field(Dialog form, String id) {
        return $(TextField.class, form).id(id);
    }

    private String error(Dialog form, String id) {
        TextField f = field(form, id);
        assertThat(f.isInvalid()).as(id + " marked invalid").isTrue();
        return f.getErrorMessage();
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<PushEvent> events(Dialog form) {
        return $(CheckboxGroup.class, form).id("push-events");
    }

    @SuppressWarnings("unchecked")
    private Grid<Subscription> grid() {
        return $(Grid.class).id("push-grid");
    }

    private static String languageName(String tag) {
        return Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return Newsroom.as("hana", action, news.cms.core.account.Role.ADMIN);
    }

    private static List<String> texts(Element e) {
        List<String> all = new ArrayList<>();
        all.add(e.getText());
        e.getChildren().forEach(c -> all.addAll(texts(c)));
        return all;
    }
}
