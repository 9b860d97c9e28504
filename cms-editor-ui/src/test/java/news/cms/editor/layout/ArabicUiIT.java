package news.cms.editor.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * With the UI in Arabic, the main screens show no English words: every text, label, helper text,
 * placeholder and grid header comes from the Arabic bundle. Latin left over is only what is meant to
 * be Latin (format names, codes, shortcuts, the language menu, people's usernames).
 */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class ArabicUiIT extends SpringBrowserlessTest {

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");
    private static final Set<String> MEANT_TO_BE_LATIN = Set.of(
            "Markdown",
            "BCP",
            "ISO",
            "IPTC", // the standards body of the Media Topic codes, named as ISO is
            "IQ",
            "Ctrl",
            "Alt",
            "Shift",
            "Control",
            "en",
            "ar",
            "ckb",
            "tr",
            "English",
            "Türkçe",
            "UTC",
            "Europe",
            "Asia",
            "Africa",
            "America",
            "Baghdad",
            "London",
            "Istanbul",
            Newsroom.EDITOR,
            "hana",
            "rebin");

    @Autowired
    ArticleService articles;

    @Autowired
    AccountService accounts;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "story", "search", "calendar", "budget", "assignments"})
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void theMainScreensSpeakArabic(String route) {
        arabic();
        navigate(route, Component.class);

        assertThat(english()).as("English left on /%s", route).isEmpty();
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void theStoryEditorWithHistoryAndTheDeskSpeakArabic() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "عنوان الخبر", "نص الخبر", "بغداد")));
        arabic();
        navigate("story/" + draft.id(), Component.class);

        assertThat(english()).as("English left in the story editor").isEmpty();
        assertThat($(Button.class).id("save").getText()).isEqualTo("حفظ");
        assertThat($(TextField.class).id("headline").getLabel()).isEqualTo("العنوان");
        assertThat($(Button.class).id("action-submit").getText()).isEqualTo("إرسال");
        assertThat($(Button.class).id("action-submit").getElement().getAttribute("aria-keyshortcuts"))
                .isEqualTo("Control+Shift+1");

        navigate("", Component.class);
        Grid<?> desk = $(Grid.class).id("desk-grid");
        assertThat(desk.getColumns().stream().map(c -> c.getHeaderText()).toList())
                .startsWith("العنوان", "اللغة", "القسم", "الحالة");
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void theCommentsSwitchAndItsDialogSpeakArabic() {
        Article published = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد", "النص", "الموصل"));
        arabic();
        navigate("story/" + published.id(), Component.class);
        assertThat(english()).as("English left beside open comments").isEmpty();

        test($(Button.class).id("comments-close")).click();
        assertThat(english()).as("English left in the close-comments dialog").isEmpty();
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat($(TextArea.class).id("comments-close-note").getErrorMessage())
                .isEqualTo("اكتب ملاحظة قصيرة: لماذا تُغلق التعليقات؟");
        assertThat(english()).as("English left in the note's error").isEmpty();

        test($(TextArea.class).id("comments-close-note")).setValue("سيل من الرسائل المزعجة");
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat($(Span.class).id("comments-state").getText())
                .startsWith("أغلق " + Newsroom.EDITOR + " التعليقات في ");
        assertThat(english()).as("English left beside closed comments").isEmpty();
    }

    @Test
    @WithMockUser(username = "hana", roles = "ADMIN")
    void theAdminPagesSpeakArabic() {
        news.cms.testsupport.Newsroom.asAdmin(
                () -> accounts.save(new UserAccount("rebin", "ڕێبین", Set.of(Role.REPORTER), true), "rebin-pass-1"));
        arabic();
        navigate("admin/users", Component.class);

        assertThat(english()).as("English left on the users page").isEmpty();
        test($(Button.class).id("new-user")).click();
        assertThat(english()).as("English left in the new-user dialog").isEmpty();

        navigate("admin/audit", Component.class);
        assertThat(english()).as("English left on the audit log").isEmpty();

        navigate("admin/partner-keys", Component.class);
        assertThat(english()).as("English left on the partner keys page").isEmpty();
        test($(Button.class).id("new-partner-key")).click();
        assertThat(english()).as("English left in the new-key dialog").isEmpty();
    }

    private void arabic() {
        Locale arabic = Locale.forLanguageTag("ar");
        news.cms.editor.layout.UiLanguages.choose(VaadinSession.getCurrent(), arabic);
        UI.getCurrent().setLocale(arabic);
        // The test UI has opened the desk already: leave it, so that every view is built in Arabic.
        navigate("calendar", Component.class);
        navigate("search", Component.class);
    }

    /** Latin words in what the user reads, with where they are. */
    private List<String> english() {
        List<String> found = new ArrayList<>();
        UI ui = UI.getCurrent();
        walk(ui.getElement(), found);
        // Grid headers live on the columns, not in the element tree.
        $(Grid.class)
                .all()
                .forEach(g -> ((Grid<?>) g).getColumns().forEach(c -> check(c.getHeaderText(), "grid header", found)));
        return found;
    }

    private void walk(Element e, List<String> found) {
        if (e.isTextNode()) {
            check(e.getText(), "text in " + e.getParent().getTag(), found);
            return;
        }
        for (String property : List.of(
                "label",
                "helperText",
                "placeholder",
                "headerTitle",
                "title",
                "header",
                "text",
                "confirmText",
                "cancelText",
                "errorMessage")) {
            check(e.getProperty(property), e.getTag() + "." + property, found);
        }
        for (String attribute : List.of("aria-label", "label", "title", "placeholder")) {
            check(e.getAttribute(attribute), e.getTag() + "@" + attribute, found);
        }
        e.getChildren().forEach(c -> walk(c, found));
        // Dialogs and overlays keep their content in virtual children.
        e.getNode()
                .getFeatureIfInitialized(com.vaadin.flow.internal.nodefeature.VirtualChildrenList.class)
                .ifPresent(v -> v.forEachChild(n -> walk(Element.get(n), found)));
    }

    private static void check(String text, String where, List<String> found) {
        if (text == null || text.startsWith("story/") || text.matches("[\\p{IsLatin}_/-]+/[\\p{IsLatin}_/-]+")) {
            return;
        }
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            if (!MEANT_TO_BE_LATIN.contains(m.group())) {
                found.add(where + ": " + text);
                return;
            }
        }
    }
}
