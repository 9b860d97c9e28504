package news.cms.editor.story;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationService;
import news.cms.editor.layout.UiLanguages;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The translation refusals the browser tests do not reach, in the Sorani UI: a language the group
 * has (typed, since the list leaves it out), a killed story, and a side-by-side save of a version
 * someone saved since; each said in Sorani, and nothing stored changes.
 */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class TranslationRefusalsViewIT extends SpringBrowserlessTest {

    private static final Locale SORANI = Locale.forLanguageTag("ckb");

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @BeforeEach
    void soraniUi() {
        UiLanguages.choose(VaadinSession.getCurrent(), SORANI);
        UI.getCurrent().setLocale(SORANI);
    }

    @Test
    @WithMockUser(username = Newsroom.REPORTER, roles = "REPORTER")
    void aLanguageTheGroupHasIsRefusedAtTheFieldAndNoDraftIsMade() {
        Article english = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.ENGLISH, "Zakho's stone bridge lit at night", "Lamps line the arch.", "Zakho")));
        Article arabic = Newsroom.asReporter(() -> translations.translate(english.id(), "ar"));
        List<?> before = group(english);

        navigate("story/" + english.id(), Component.class);
        test($(Button.class).id("translate-into")).click();
        ComboBox<String> language = combo();
        // Not offered (the group has it), so typed, as a translator might.
        assertThat(language.getListDataView().getItems()).doesNotContain("ar", "en");
        language.setValue("ar");
        test($(Button.class).id("translate-confirm")).click();

        String expected = MessageFormat.format(
                sorani("refusal.translation.language-in-group"),
                Locale.forLanguageTag("ar").getDisplayName(SORANI));
        assertThat(combo().isInvalid()).isTrue();
        assertThat(combo().getErrorMessage()).isEqualTo(expected).contains("عەرەبی");
        assertThat(notifications()).contains(expected);
        assertThat(group(english)).isEqualTo(before).hasSize(2);
        assertThat(Newsroom.asReporter(() -> articles.find(arabic.id()).orElseThrow())
                        .version())
                .isEqualTo(arabic.version());
    }

    @Test
    @WithMockUser(username = Newsroom.REPORTER, roles = "REPORTER")
    void aKilledStoryOffersNoTranslationAndSaysWhy() {
        Article published = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Zaho'da taş köprü onarıldı", "Kemer sağlamlaştırıldı.", "Zaho"));
        Newsroom.asEditor(() -> articles.kill(published.id(), published.version(), "Yanlış bilgi içeriyordu"));

        navigate("story/" + published.id(), Component.class);

        assertThat($(Button.class).withId("translate-into").exists()).isFalse();
        Span why = $(Span.class).id("translate-unavailable");
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).isEqualTo(sorani("translation.not-translatable"));
        assertThat(Newsroom.as(
                        Newsroom.REPORTER,
                        () -> translations.group(published.id()),
                        news.cms.core.account.Role.REPORTER))
                .isEmpty();
    }

    @Test
    @WithMockUser(username = Newsroom.REPORTER, roles = "REPORTER")
    void aSideBySideSaveOfAVersionSavedSinceIsRefusedAndTheirTextStays() {
        Article english = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ENGLISH, "Amedi's gate restored", "The old gate opens again.", "Amedi")));
        Article draft = Newsroom.asReporter(() -> translations.translate(english.id(), "ckb"));

        navigate("translation/" + draft.id(), Component.class);
        // Meanwhile another translator saves the same draft.
        Article theirs = Newsroom.asReporter(() -> articles.save(
                draft.id(),
                draft.version(),
                Newsroom.story(
                        LanguageTag.SORANI,
                        "دەروازەی ئامێدی نۆژەن کرایەوە",
                        "دەروازە کۆنەکە دیسان کرایەوە.",
                        "ئامێدی")));

        test($(TextField.class).id("translation-headline")).setValue("دەروازەی ئامێدی");
        test($(Button.class).id("translation-save")).click();

        assertThat(notifications()).contains(sorani("translation.saved-meanwhile"));
        Article stored = Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow());
        assertThat(stored.version()).isEqualTo(theirs.version());
        assertThat(stored.headline()).isEqualTo("دەروازەی ئامێدی نۆژەن کرایەوە");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo() {
        return $(ComboBox.class).id("translate-language");
    }

    private List<?> group(Article a) {
        return Newsroom.as(Newsroom.EDITOR, () -> translations.group(a.id()), news.cms.core.account.Role.EDITOR);
    }

    private List<String> notifications() {
        return $(Notification.class).all().stream()
                .map(n -> n.getElement().getProperty("text"))
                .toList();
    }

    private static String sorani(String key) {
        return ResourceBundle.getBundle("vaadin-i18n.translations", SORANI).getString(key);
    }
}
