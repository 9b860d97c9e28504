package news.cms.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import news.cms.core.partnerkey.KeyCheck;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.editor.layout.Notices;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Admins issue keys (the secret shown once), see them listed without secrets, and revoke them after confirming. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class PartnerKeysViewIT extends SpringBrowserlessTest {

    @Autowired
    PartnerKeyService keys;

    @Autowired
    Clock clock;

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void badInputStaysInTheFormThenTheSecretIsShownOnceAndWorks() {
        List<PartnerKey> before = keys.list();
        navigate(PartnerKeysView.class);
        test($(Button.class).id("new-partner-key")).click();
        Dialog dialog = $(Dialog.class).id("issue-key-dialog");
        test($(TextField.class, dialog).id("key-name")).setValue("   ");
        test($(IntegerField.class, dialog).id("key-rate")).setValue(0);
        test($(DateTimePicker.class, dialog).id("key-expires"))
                .setValue(LocalDateTime.now(clock.withZone(Notices.zone())).minusDays(1));
        test($(Button.class, dialog).id("issue-key")).click();

        assertThat(field(dialog, "key-name").getErrorMessage()).isEqualTo("Name the partner: 1 to 100 characters.");
        assertThat($(IntegerField.class, dialog).id("key-rate").getErrorMessage())
                .isEqualTo("A whole number from 1 to "
                        + String.format(java.util.Locale.ENGLISH, "%,d", NewPartnerKey.MAX_RATE) + ".");
        assertThat($(DateTimePicker.class, dialog).id("key-expires").getErrorMessage())
                .isEqualTo("Choose a time in the future.");
        assertThat($(IntegerField.class, dialog).id("key-rate").getValue()).isZero();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(keys.list()).isEqualTo(before);

        test(field(dialog, "key-name")).setValue("شبكة رووداو – syndication");
        test($(CheckboxGroup.class, dialog).id("key-scopes")).selectItem("Change feed");
        test($(IntegerField.class, dialog).id("key-rate")).setValue(120);
        LocalDateTime expiry =
                LocalDateTime.now(clock.withZone(Notices.zone())).plusDays(30).truncatedTo(ChronoUnit.MINUTES);
        test($(DateTimePicker.class, dialog).id("key-expires")).setValue(expiry);
        test($(Button.class, dialog).id("issue-key")).click();

        assertThat(dialog.isOpened()).isFalse();
        String secret = $(Span.class, $(Dialog.class).id("secret-dialog"))
                .id("key-secret")
                .getText();
        PartnerKey issued = keys.list().stream()
                .filter(k -> !before.contains(k))
                .findFirst()
                .orElseThrow();
        assertThat(issued.name()).isEqualTo("شبكة رووداو – syndication");
        assertThat(issued.scopes()).containsExactly(PartnerScope.FEED);
        assertThat(issued.requestsPerMinute()).isEqualTo(120);
        assertThat(issued.expiresAt()).isEqualTo(expiry.atZone(Notices.zone()).toInstant());
        assertThat(secret).contains(issued.prefix());
        assertThat(keys.verify(secret)).isInstanceOf(KeyCheck.Valid.class);

        // The list shows the prefix and scopes, never the secret; once the dialog is closed, neither does the page.
        Grid<PartnerKey> grid = grid();
        int row = row(issued);
        assertThat(test(grid).getCellText(row, 1)).isEqualTo(issued.prefix() + "…");
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("Change feed");
        assertThat(test(grid).getCellText(row, 4)).isEqualTo("Not yet");
        assertThat(test(grid).getCellText(row, 6)).isEqualTo("Active");
        test($(Button.class).id("secret-done")).click();
        assertThat(texts(UI.getCurrent().getElement())).noneMatch(t -> t.contains(secret));
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void revokingAsksFirstAndThenTheKeyStopsWorking() {
        var issued = keys.issue(
                new NewPartnerKey("Kurdistan24", Set.of(PartnerScope.FEED, PartnerScope.EMBARGOED), null, 60));
        navigate(PartnerKeysView.class);
        Grid<PartnerKey> grid = grid();
        assertThat(test(grid).getCellText(row(issued.key()), 3)).isEqualTo("Never");

        test(revokeButton(issued.key())).click();
        test($(ConfirmDialog.class).id("confirm-revoke")).cancel();
        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class);

        test(revokeButton(issued.key())).click();
        test($(ConfirmDialog.class).id("confirm-revoke")).confirm();

        assertThat(keys.verify(issued.secret())).isInstanceOf(KeyCheck.Revoked.class);
        assertThat(test(grid()).getCellText(row(issued.key()), 6)).isEqualTo("Revoked");
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void anEditorCannotOpenTheViewAndTheServiceRefuses() {
        try {
            navigate(PartnerKeysView.class);
        } catch (RuntimeException refused) {
            // Browserless reports the refused navigation as an error; what matters is where we are.
        }
        assertThat(getCurrentView()).isNotInstanceOf(PartnerKeysView.class);
        assertThatThrownBy(() -> keys.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> keys.issue(new NewPartnerKey("sneaky", Set.of(PartnerScope.FEED), null, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private TextField field(Dialog dialog, String id) {
        return $(TextField.class, dialog).id(id);
    }

    @SuppressWarnings("unchecked")
    private Grid<PartnerKey> grid() {
        return $(Grid.class).id("partner-keys-grid");
    }

    private Button revokeButton(PartnerKey key) {
        Component cell = test(grid()).getCellComponent(row(key), 7);
        return (Button) cell.getChildren().findFirst().orElseThrow();
    }

    private int row(PartnerKey key) {
        var tester = test(grid());
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).id().equals(key.id())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + key.name());
    }

    private static List<String> texts(Element e) {
        List<String> all = new ArrayList<>();
        if (e.isTextNode()) {
            all.add(e.getText());
            return all;
        }
        e.getChildren().forEach(c -> all.addAll(texts(c)));
        return all;
    }
}
