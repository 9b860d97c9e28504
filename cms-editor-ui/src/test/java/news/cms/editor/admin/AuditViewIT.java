package news.cms.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import news.cms.core.audit.AuditLog;
import news.cms.editor.layout.Notices;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** Admins read the whole audit trail, filtered and paged, in their language; nobody else gets in. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class AuditViewIT extends SpringBrowserlessTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void anAdminFiltersByWhoWhatAndDaysAndPagesFiftyAtATime() {
        String actor = "baran-" + UUID.randomUUID().toString().substring(0, 8);
        String story = UUID.randomUUID().toString();
        for (int i = 0; i < 60; i++) {
            record(actor, "partner-key.issue", "partner-key", "key-" + i, Map.of("name", "Partner " + i));
        }
        record(actor, "comments.close", "article", story, Map.of("note", "النقاش خرج عن الموضوع"));

        navigate("", Component.class);
        assertThat($(SideNavItem.class, $(SideNav.class).id("nav")).all())
                .extracting(i -> i.getId().orElseThrow())
                .contains("nav-item-audit");
        navigate(AuditView.class);
        AuditView view = (AuditView) getCurrentView();
        Grid<?> grid = $(Grid.class).id("audit-grid");
        test($(TextField.class).id("audit-actor")).setValue(actor);

        assertThat(test(grid).size()).isEqualTo(AuditView.PAGE);
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Close comments");
        assertThat(test(grid).getCellText(1, 2)).isEqualTo("Issue partner key");
        assertThat(view.more.isVisible()).isTrue();
        test(view.more).click();
        assertThat(test(grid).size()).isEqualTo(61);
        assertThat(view.more.isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<String> action = $(ComboBox.class).id("audit-action");
        test(action).selectItem("Close comments");
        assertThat(test(grid).size()).isEqualTo(1);
        Anchor target = (Anchor) test(grid).getCellComponent(0, 3);
        assertThat(target.getHref()).isEqualTo("story/" + story);
        assertThat(target.getText()).isEqualTo("Story");
        Component details = test(grid).getCellComponent(0, 4);
        assertThat(details.getChildren().map(c -> c.getElement().getTextRecursively()))
                .containsExactly("note: النقاش خرج عن الموضوع");
        // The note finds its own direction; its name is UI text.
        assertThat(details.getChildren()
                        .flatMap(Component::getChildren)
                        .map(c -> c.getElement().getAttribute("dir")))
                .containsExactly(null, "auto");

        // A range that ends before it starts is refused at the field; the rows shown stay.
        LocalDate today = LocalDate.now(Notices.zone());
        DatePicker to = $(DatePicker.class).id("audit-to");
        test(to).setValue(today);
        assertThat(test(grid).size()).isEqualTo(1);
        test($(DatePicker.class).id("audit-from")).setValue(today.plusDays(1));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The last day cannot be before the first.");
        assertThat(test(grid).size()).isEqualTo(1);

        // Today, as a whole day in the user's zone, holds the event; the days before it hold none.
        test($(DatePicker.class).id("audit-from")).setValue(today);
        assertThat(to.isInvalid()).isFalse();
        assertThat(test(grid).size()).isEqualTo(1);
        $(DatePicker.class).id("audit-from").clear();
        test(to).setValue(today.minusDays(1));
        assertThat(test(grid).size()).isZero();
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("audit-empty")
                        .isVisible())
                .isTrue();
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void theTrailSpeaksTurkishAndArabic() {
        String actor = "deniz-" + UUID.randomUUID().toString().substring(0, 8);
        record(actor, "account.sign-in-failed", "account", actor, Map.of());
        String breaker = "aram-" + UUID.randomUUID().toString().substring(0, 8);
        record(
                breaker,
                "article.submit",
                "article",
                UUID.randomUUID().toString(),
                Map.of("state", "SUBMITTED", "version", "2", "since", "2026-12-01T08:30:00Z", "holder", "rezan"));

        for (var expected :
                Map.of("tr", "Başarısız oturum açma", "ar", "محاولة دخول فاشلة").entrySet()) {
            Locale locale = Locale.forLanguageTag(expected.getKey());
            news.cms.editor.layout.UiLanguages.choose(VaadinSession.getCurrent(), locale);
            UI.getCurrent().setLocale(locale);
            navigate("calendar", Component.class); // leave, so that the view is built again in the new language
            navigate(AuditView.class);
            test($(TextField.class).id("audit-actor")).setValue(actor);
            Grid<?> grid = $(Grid.class).id("audit-grid");
            assertThat(test(grid).size()).isEqualTo(1);
            assertThat(test(grid).getCellText(0, 2)).isEqualTo(expected.getValue());

            // Details: names, states and times in the UI language, times in the user's zone.
            test($(TextField.class).id("audit-actor")).setValue(breaker);
            String details = test(grid).getCellComponent(0, 4).getElement().getTextRecursively();
            String since = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                    .withLocale(locale)
                    .withZone(Notices.zone())
                    .format(java.time.Instant.parse("2026-12-01T08:30:00Z"));
            if (expected.getKey().equals("ar")) {
                assertThat(details)
                        .contains("الحالة: مُرسل", "صاحب القفل: rezan", "منذ: " + since, "النسخة: 2")
                        .doesNotContain("SUBMITTED", "state", "holder", "since", "version", "T08:30");
            } else {
                assertThat(details)
                        .contains("durum: gönderildi", "kilit sahibi: rezan", "başlangıç: " + since, "sürüm: 2")
                        .doesNotContain("SUBMITTED", "holder", "since", "version", "T08:30");
            }
        }
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void anEditorHasNoEntryAndCannotOpenTheView() {
        navigate("", Component.class);
        assertThat($(SideNavItem.class, $(SideNav.class).id("nav")).all())
                .extracting(i -> i.getId().orElseThrow())
                .doesNotContain("nav-item-audit");
        try {
            navigate(AuditView.class);
        } catch (RuntimeException refused) {
            // Browserless reports the refused navigation as an error; what matters is where we are.
        }
        assertThat(getCurrentView()).isNotInstanceOf(AuditView.class);
        assertThat($(Grid.class).withId("audit-grid").exists()).isFalse();
    }

    private void record(String actor, String action, String type, String id, Map<String, String> details) {
        tx.executeWithoutResult(s -> audit.record(actor, action, type, id, details));
    }
}
