package news.cms.editor.desk;

import static news.cms.testsupport.Newsroom.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.note.Note;
import news.cms.core.note.NoteService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The desk's open notes on real PostgreSQL, driven server-side: every open note of every section,
 * newest first, each in its own direction under its story's headline; a section narrows the list;
 * a resolved note is gone; a note's link opens its story on the notes tab with that note marked.
 */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class OpenNotesViewIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    NoteService notes;

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void listsTheOpenNotesOfEveryDeskEachInItsOwnDirectionAndNarrowsToASection() {
        Article sulaymaniyah = articles.createDraft(content(
                LanguageTag.SORANI,
                "economy",
                "بازاڕی سلێمانی دووبارە کرایەوە",
                "دووکانەکان بەیانی زوو کرانەوە.\n\nنرخی نان دابەزی."));
        Article van = articles.createDraft(
                content(LanguageTag.TURKISH, "news", "Van'da kar yolları kapattı", "Kırk köy yolu kapandı."));
        Article basra = articles.createDraft(
                content(LanguageTag.ARABIC, "news", "افتتاح جسر جديد في البصرة", "عبرت السيارات الجسر ظهرًا."));

        Note onPassage = notes.add(
                sulaymaniyah.id(),
                "نرخی نان چەندە بوو پێشتر؟ ژمارەکە زیاد بکە.",
                new news.cms.core.note.Anchor(1, "نرخی نان"));
        Note onStory = notes.add(van.id(), "Valilik otuz sekiz köy diyor, kontrol edelim.", null);
        Note resolved = notes.add(basra.id(), "Check the opening hour with the governor's office.", null);
        notes.resolve(resolved.id());
        Note english = notes.add(basra.id(), "@nobody which bridge is this, the old one or the new?", null);

        navigate("notes", OpenNotesView.class);

        List<String> mine = List.of(
                "desk-note-" + english.id(),
                "desk-note-" + onStory.id(),
                "desk-note-" + onPassage.id(),
                "desk-note-" + resolved.id());
        List<String> shown = $(Div.class).withClassName("desk-note").all().stream()
                .map(d -> d.getId().orElseThrow())
                .filter(mine::contains)
                .toList();
        assertThat(shown)
                .as("open notes, newest first; the resolved one left out")
                .containsExactly(
                        "desk-note-" + english.id(), "desk-note-" + onStory.id(), "desk-note-" + onPassage.id());

        Div sorani = $(Div.class).id("desk-note-" + onPassage.id());
        assertThat(text(sorani, "note-text").getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(sorani.getElement().getTextRecursively())
                .contains("بازاڕی سلێمانی دووبارە کرایەوە", "economy", "Paragraph 2", "نرخی نان");
        Anchor link = $(Anchor.class).withClassName("desk-note-story").all().stream()
                .filter(a -> a.getText().equals("بازاڕی سلێمانی دووبارە کرایەوە"))
                .findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo("story/" + sulaymaniyah.id() + "?note=" + onPassage.id());
        assertThat(link.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text($(Div.class).id("desk-note-" + onStory.id()), "note-text")
                        .getElement()
                        .getAttribute("dir"))
                .isEqualTo("ltr");
        assertThat(text($(Div.class).id("desk-note-" + english.id()), "note-text")
                        .getElement()
                        .getAttribute("dir"))
                .isEqualTo("ltr");

        @SuppressWarnings("unchecked")
        ComboBox<String> section = $(ComboBox.class).id("open-notes-section");
        test(section).selectItem("economy");
        assertThat($(Div.class).withClassName("desk-note").all())
                .extracting(d -> d.getId().orElseThrow())
                .containsExactly("desk-note-" + onPassage.id());
        assertThat($(Span.class).id("open-notes-count").getText()).isEqualTo("Open: 1");

        UI.getCurrent().navigate("notes", QueryParameters.of("section", "sport"));
        assertThat($(Div.class).withClassName("desk-note").all()).isEmpty();
        assertThat($(Paragraph.class).id("open-notes-empty").getText()).isEqualTo("No open notes here.");
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aNotesLinkOpensItsStoryOnTheNotesTabWithThatNoteMarked() {
        Article story = articles.createDraft(content(
                LanguageTag.ENGLISH, "news", "Zakho bridge reopens", "Traffic crossed at noon.\n\nShops opened."));
        Note note = notes.add(story.id(), "Which shops? Name two.", new news.cms.core.note.Anchor(1, "Shops opened"));

        UI.getCurrent()
                .navigate(
                        "story/" + story.id(),
                        QueryParameters.of("note", note.id().toString()));

        TabSheet tabs = $(TabSheet.class).id("story-tabs");
        assertThat(tabs.getSelectedTab().getId()).hasValue("tab-notes");
        assertThat($(Div.class).id("note-" + note.id()).getClassNames()).contains("note-focused");
    }

    private Component text(Div row, String className) {
        return row.getChildren()
                .filter(c -> c.getClassNames().contains(className))
                .findFirst()
                .orElseThrow();
    }

    private static ArticleContent content(LanguageTag language, String section, String headline, String body) {
        return new ArticleContent(
                language,
                section,
                headline,
                "",
                body,
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Erbil", null, null, LocalDate.of(2026, 12, 6)));
    }
}
