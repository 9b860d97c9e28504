package news.cms.editor.story;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The story editor on real PostgreSQL and search, driven server-side without a browser. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class StoryEditorIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleLocks locks;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en, ltr, Mosul, IRQ", "ar, rtl, الموصل, IRQ", "ckb, rtl, هەولێر, 1Q"})
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void theDomainsMessagesShowAtTheFieldsAndTheTypedValuesStay(
            String language, String dir, String place, String country) {
        int before = articles.count();
        navigate("story", StoryView.class);
        test($(ComboBox.class).id("language")).selectItem(language);
        test(field("headline")).setValue("   ");
        test($(TextArea.class).id("body")).setValue("نص الخبر\n\nA second paragraph");
        test(field("dateline-place")).setValue(place);
        test(field("dateline-country")).setValue(country);
        BylinesEditor bylines = $(BylinesEditor.class).single();
        test(buttonLabelled(bylines, "Remove byline")).click();

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);

        assertThat(field("headline").isInvalid()).isTrue();
        assertThat(field("headline").getErrorMessage()).isEqualTo("The headline must not be blank.");
        assertThat(bylines.isInvalid()).isTrue();
        assertThat(bylines.getErrorMessage()).isEqualTo("At least one byline is required.");
        assertThat(field("dateline-country").isInvalid()).isTrue();
        assertThat(field("dateline-country").getErrorMessage())
                .isEqualTo("The country code must be a two-letter ISO 3166 code, not "
                        + country.toUpperCase(Locale.ROOT) + ".");
        // What was typed stays, and nothing was stored.
        assertThat(field("headline").getValue()).isEqualTo("   ");
        assertThat(field("dateline-country").getValue()).isEqualTo(country);
        assertThat(field("dateline-place").getValue()).isEqualTo(place);
        assertThat($(TextArea.class).id("body").getValue()).isEqualTo("نص الخبر\n\nA second paragraph");
        assertThat(articles.count()).isEqualTo(before);
        // Text direction follows the story's language, on the element that holds the text.
        assertThat(field("headline").getElement().getAttribute("data-text-dir")).isEqualTo(dir);
        assertThat($(TextArea.class).id("body").getElement().getAttribute("data-text-dir"))
                .isEqualTo(dir);
        assertThat(field("headline").getElement().getAttribute("dir"))
                .as("the label keeps the UI's direction")
                .isNull();
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void aValidSoraniStoryIsSavedAsADraftWithTwoBylines() {
        navigate("story", StoryView.class);
        test($(ComboBox.class).id("language")).selectItem("ckb");
        test(field("headline")).setValue("بارانی زۆر لە هەولێر");
        test($(TextArea.class).id("body")).setValue("ئەمڕۆ باران بارى.\n\nUN said 40 mm.");
        test(field("dateline-place")).setValue("هەولێر");
        test(field("dateline-country")).setValue("iq");
        BylinesEditor bylines = $(BylinesEditor.class).single();
        test(bylines.nameFields().getFirst()).setValue("Rezan Ahmed");
        test($(Button.class).id("add-byline")).click();
        test(bylines.nameFields().getLast()).setValue("ژیان عەلی");

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);

        assertThat($(com.vaadin.flow.component.html.H2.class).id("story-title").getText())
                .as(
                        "saved and reopened; messages: %s",
                        $(com.vaadin.flow.component.notification.Notification.class).all().stream()
                                .map(n -> n.getElement().getProperty("text"))
                                .toList())
                .isEqualTo("بارانی زۆر لە هەولێر");
        Article saved = articles
                .page(new news.cms.core.article.ArticleQuery(Set.of(), LanguageTag.SORANI, null, REPORTER, null, 50))
                .stream()
                .filter(a -> a.headline().equals("بارانی زۆر لە هەولێر"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.language()).isEqualTo(LanguageTag.SORANI);
        assertThat(saved.bylines()).extracting(b -> b.name()).containsExactly("Rezan Ahmed", "ژیان عەلی");
        assertThat(saved.dateline().countryCode()).isEqualTo("IQ");
        assertThat(saved.authors()).containsExactly(REPORTER);
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void aReporterSeesOnlyTheActionsAReporterMayTake() {
        Article submitted = submittedStory();
        navigate("story/" + submitted.id(), StoryView.class);

        assertThat(offered()).containsExactlyInAnyOrder("action-spike");
        assertThat($(Button.class).withId("save").exists()).isFalse();
        assertThat(offered()).isEqualTo(ids(articles.allowedActions(submitted)));
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void anEditorSeesTheEditorsActions() {
        Article submitted = submittedStory();
        navigate("story/" + submitted.id(), StoryView.class);

        assertThat(offered()).containsExactlyInAnyOrder("action-request-changes", "action-approve", "action-spike");
        assertThat($(Button.class).id("save").isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aStaleSaveOpensTheMergeDialogAndTheChosenFieldsAreSavedOnTheirVersion() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ARABIC, "عنوان أول", "النص", "بغداد")));
        navigate("story/" + draft.id(), StoryView.class);
        // Typed here first: a page with nothing typed takes a newer version as soon as it hears of it
        // (the live desk), so only typed text can meet a stale save.
        test(field("headline")).setValue("عنواني");
        // Meanwhile the same story is saved elsewhere (e.g. in another tab).
        ArticleContent theirs = Newsroom.story(LanguageTag.ARABIC, "عنوانهم", "نصهم", "بغداد");
        Newsroom.asEditor(() -> articles.save(draft.id(), draft.version(), theirs));

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);

        MergeDialog conflict = $(MergeDialog.class).single();
        assertThat(conflict.isOpened()).isTrue();
        assertThat(Newsroom.asEditor(() -> articles.find(draft.id()).orElseThrow())
                        .headline())
                .isEqualTo("عنوانهم");
        // Field by field: the headline typed here stays mine, the body changed only there is theirs.
        assertThat(radio("merge-headline").getValue()).isEqualTo(MergeDialog.Side.MINE);
        assertThat(radio("merge-body").getValue()).isEqualTo(MergeDialog.Side.THEIRS);
        assertThat($(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class)
                        .all())
                .extracting(r -> r.getId().orElseThrow())
                .containsExactly("merge-headline", "merge-body");

        test($(Button.class).id("conflict-merge")).click();
        assertThat(conflict.isOpened()).isFalse();
        assertThat(field("headline").getValue()).isEqualTo("عنواني");
        assertThat($(TextArea.class).id("body").getValue()).isEqualTo("نصهم");
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("story-state")
                        .getText())
                .isEqualTo("draft · v2");

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);
        Article saved = articles.find(draft.id()).orElseThrow();
        assertThat(saved.version()).isEqualTo(3);
        assertThat(saved.headline()).isEqualTo("عنواني");
        assertThat(saved.body()).isEqualTo("نصهم");
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void reloadingTheirVersionFromTheMergeDialogDropsWhatWasTypedHere() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "İlk başlık", "Metin", "Van")));
        navigate("story/" + draft.id(), StoryView.class);
        test(field("headline")).setValue("Benim başlığım");
        Newsroom.asEditor(() -> articles.save(
                draft.id(), draft.version(), Newsroom.story(LanguageTag.TURKISH, "Onların başlığı", "Metin", "Van")));

        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);
        test($(Button.class).id("conflict-reload")).click();

        assertThat(field("headline").getValue()).isEqualTo("Onların başlığı");
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("story-state")
                        .getText())
                .isEqualTo("draft · v2");
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void openingAStoryTakesNoLockTheFirstEditDoes() {
        Article draft = submittedStory();
        navigate("story/" + draft.id(), StoryView.class);
        assertThat(locks.current(draft.id())).isEmpty();
        assertThat(offered()).contains("action-approve");

        test(field("headline")).setValue("سەردێڕی گۆڕاو");

        assertThat(locks.current(draft.id()))
                .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(EDITOR));
        // Leaving (saved) gives it up.
        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);
        assertThat(articles.find(draft.id()).orElseThrow().headline()).isEqualTo("سەردێڕی گۆڕاو");
        navigate("search", com.vaadin.flow.component.Component.class);
        assertThat(locks.current(draft.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void aReporterWhoOnlyViewsASubmittedStoryTakesNoLock() {
        Article submitted = submittedStory();
        navigate("story/" + submitted.id(), StoryView.class);

        assertThat(field("headline").isReadOnly()).isTrue();
        assertThat(locks.current(submitted.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void theActionBarSaysWhyTheSoleAuthorCannotApprove() {
        Article draft = Newsroom.asEditor(
                () -> articles.createDraft(Newsroom.story(LanguageTag.ENGLISH, "Bridge reopens", "Text.", "Mosul")));
        Article submitted = Newsroom.asEditor(() -> articles.submit(draft.id(), draft.version()));
        navigate("story/" + submitted.id(), StoryView.class);

        assertThat(offered()).doesNotContain("action-approve");
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("actions-missing")
                        .getText())
                .isEqualTo("You are the only author of this story: another editor approves it (four eyes).");
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aStoryLockedBySomeoneElseOpensReadOnlyAndAnEditorMayBreakTheLock() {
        Article draft = submittedStory();
        Newsroom.as(Newsroom.SECOND_EDITOR, () -> locks.acquire(draft.id()), Role.EDITOR);
        navigate("story/" + draft.id(), StoryView.class);

        assertThat($(com.vaadin.flow.component.html.Div.class).id("lock-banner").getText())
                .startsWith("Being edited by " + Newsroom.SECOND_EDITOR + " since ");
        assertThat($(Button.class).withId("save").exists()).isFalse();
        assertThat(offered()).isEmpty();
        assertThat(field("headline").isReadOnly()).isTrue();

        test($(Button.class).id("break-lock")).click();

        assertThat($(Button.class).id("save").isVisible()).isTrue();
        assertThat(field("headline").isReadOnly()).isFalse();
        assertThat(locks.current(draft.id()))
                .hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(EDITOR));
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void ctrlShift1SubmitsAndTheButtonSaysSo() {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "Seçim sonuçları", "Metin.", "Ankara")));
        navigate("story/" + draft.id(), StoryView.class);
        Button submit = $(Button.class).id("action-submit");
        assertThat(submit.getElement().getAttribute("aria-keyshortcuts")).isEqualTo("Control+Shift+1");
        assertThat(submit.getTooltip().getText()).isEqualTo("Ctrl+Shift+1");

        fireShortcut(Key.DIGIT_1, KeyModifier.CONTROL, KeyModifier.SHIFT);

        assertThat(Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow())
                        .state())
                .isEqualTo(news.cms.core.workflow.ArticleState.SUBMITTED);
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("story-state")
                        .getText())
                .isEqualTo("submitted · v2");
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void anyTwoRevisionsCompareFieldByFieldWithAnInlineBodyDiff() {
        Article first = Newsroom.asEditor(() -> articles.createDraft(
                Newsroom.story(LanguageTag.SORANI, "سەردێڕی یەکەم", "دێڕی یەکەم\n\nدێڕی دووەم", "هەولێر")));
        Article second = Newsroom.asEditor(() -> articles.save(
                first.id(),
                first.version(),
                Newsroom.story(LanguageTag.SORANI, "سەردێڕی نوێ", "دێڕی یەکەم\n\nUN: 40 mm", "هەولێر")));
        navigate("story/" + second.id(), StoryView.class);
        $(com.vaadin.flow.component.tabs.TabSheet.class).id("story-tabs").setSelectedIndex(1);

        test($(ComboBox.class).id("diff-from")).selectItem("1");
        test($(ComboBox.class).id("diff-to")).selectItem("2");
        test($(Button.class).id("diff-compare")).click();

        var result = $(com.vaadin.flow.component.html.Div.class).id("diff-result");
        assertThat($(HorizontalLayout.class, result).all())
                .extracting(h -> h.getElement().getAttribute("data-field"))
                .containsExactly("headline");
        var lines = $(com.vaadin.flow.component.html.Div.class, result).all().stream()
                .filter(d -> d.getClassNames().stream().anyMatch(c -> c.startsWith("diff-") && !c.equals("diff-body")))
                .map(d -> d.getClassNames().iterator().next() + "|" + d.getText())
                .toList();
        assertThat(lines).contains("diff-removed|− دێڕی دووەم", "diff-added|+ UN: 40 mm", "diff-same|  دێڕی یەکەم");
        var body = $(com.vaadin.flow.component.html.Div.class, result).all().stream()
                .filter(d -> d.hasClassName("diff-body"))
                .findFirst()
                .orElseThrow();
        assertThat(body.getElement().getAttribute("dir")).isEqualTo("rtl");

        // The story's audit trail names its actions in the UI language, newest first.
        Grid<?> trail = $(Grid.class).id("audit-trail");
        assertThat(test(trail).getCellText(0, 2)).isEqualTo("Edit");
        assertThat(test(trail).getCellText(1, 2)).isEqualTo("Create");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tr, 'Başlık en fazla 300 karakter olabilir.'", "ar, 'العنوان: يتجاوز الحد الأقصى وهو 300 حرف.'"})
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void anOverlongHeadlineIsRefusedInTheUiLanguageAndNothingIsStored(String uiLanguage, String expected) {
        Article draft = Newsroom.asEditor(() -> articles.createDraft(
                Newsroom.story(LanguageTag.TURKISH, "Van Gölü kıyısında yeni müze", "Metin.", "Van")));
        speak(uiLanguage);
        navigate("story/" + draft.id(), StoryView.class);

        test(field("headline")).setValue("Müze ".repeat(61));
        fireShortcut(Key.KEY_S, KeyModifier.CONTROL);

        assertThat(field("headline").isInvalid()).isTrue();
        assertThat(field("headline").getErrorMessage()).isEqualTo(expected);
        Article stored = articles.find(draft.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(draft.version());
        assertThat(stored.headline()).isEqualTo("Van Gölü kıyısında yeni müze");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tr, Muhabire not zorunludur.", "ar, لا بد من كتابة ملاحظة للمراسل."})
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aDialogsRefusalIsSaidInTheUiLanguageAndChangesNothing(String uiLanguage, String expected) {
        Article submitted = submittedStory();
        speak(uiLanguage);
        navigate("story/" + submitted.id(), StoryView.class);

        test($(Button.class).id("action-request-changes")).click();
        test($(TextArea.class).id("action-note")).setValue("   ");
        test($(Button.class).id("note-confirm")).click();

        assertThat($(com.vaadin.flow.component.notification.Notification.class).all().stream()
                        .map(n -> n.getElement().getProperty("text"))
                        .toList())
                .contains(expected);
        assertThat(articles.find(submitted.id()).orElseThrow().state())
                .isEqualTo(news.cms.core.workflow.ArticleState.SUBMITTED);
    }

    /** Switches the UI language as the language menu does: the next view is built in it. */
    private void speak(String language) {
        Locale locale = Locale.forLanguageTag(language);
        news.cms.editor.layout.UiLanguages.choose(com.vaadin.flow.server.VaadinSession.getCurrent(), locale);
        com.vaadin.flow.component.UI.getCurrent().setLocale(locale);
        navigate("search", com.vaadin.flow.component.Component.class);
    }

    private Article submittedStory() {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.SORANI, "هەواڵی نوێ", "دەق", "سلێمانی")));
        return Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
    }

    @SuppressWarnings("unchecked")
    private com.vaadin.flow.component.radiobutton.RadioButtonGroup<MergeDialog.Side> radio(String id) {
        return $(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).id(id);
    }

    private TextField field(String id) {
        return $(TextField.class).id(id);
    }

    private Set<String> offered() {
        return $(Button.class, $(HorizontalLayout.class).id("actions")).all().stream()
                .filter(Button::isVisible)
                .map(b -> b.getId().orElseThrow())
                .collect(Collectors.toSet());
    }

    private static Set<String> ids(Set<Action> actions) {
        return actions.stream().filter(a -> a != Action.EDIT).map(ActionBar::id).collect(Collectors.toSet());
    }

    private Button buttonLabelled(com.vaadin.flow.component.Component in, String label) {
        return $(Button.class, in).all().stream()
                .filter(b -> label.equals(b.getElement().getAttribute("aria-label")))
                .findFirst()
                .orElseThrow();
    }
}
