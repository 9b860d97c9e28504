package news.cms.editor.story;

import static news.cms.testsupport.Newsroom.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.note.Note;
import news.cms.core.note.NoteService;
import news.cms.core.workflow.ArticleState;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The story page's notes panel on real PostgreSQL, driven server-side: add, place, resolve, publish. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class StoryNotesIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    NoteService notes;

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aNoteOnQuotedWordsIsPlacedResolvedAndReopenedAndPublishingWithItOpenAsksFirst() {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Van'da kar yağışı yolları kapattı",
                        "Kar gece boyunca yağdı.\n\nKırk köy yolu ulaşıma kapandı.",
                        "Van"));
        navigate("story/" + approved.id(), StoryView.class);
        openNotes();

        test($(TextArea.class).id("note-text")).setValue("Kırk mı, otuz sekiz mi? Valilik otuz sekiz diyor.");
        test($(TextField.class).id("note-quote")).setValue("Kırk köy");
        test($(Button.class).id("note-add")).click();

        List<Note> thread = notes.thread(approved.id());
        assertThat(thread).singleElement().satisfies(n -> {
            assertThat(n.anchor().paragraph()).isEqualTo(1);
            assertThat(n.anchor().quote()).isEqualTo("Kırk köy");
        });
        Note note = thread.getFirst();
        Div row = $(Div.class).id("note-" + note.id());
        assertThat(row.getElement().getTextRecursively()).contains("Paragraph 2", "Kırk köy", "Valilik otuz sekiz");
        assertThat(row.getClassNames()).contains("note-open");
        assertThat($(TextArea.class).id("note-text").getValue()).isEmpty();

        test($(Button.class).id("action-publish")).click();
        ConfirmDialog ask = $(ConfirmDialog.class).id("confirm-action");
        assertThat(ask.isOpened()).isTrue();
        assertThat(articles.find(approved.id()).orElseThrow().state())
                .as("not published before the answer")
                .isEqualTo(ArticleState.APPROVED);
        ask.close();

        test($(Button.class).id("note-toggle-" + note.id())).click();
        assertThat(notes.openCount(approved.id())).isZero();
        assertThat($(Div.class).id("note-" + note.id()).getClassNames()).contains("note-resolved");

        // No open notes: publishing goes ahead without asking.
        test($(Button.class).id("action-publish")).click();
        assertThat(articles.find(approved.id()).orElseThrow().state()).isEqualTo(ArticleState.PUBLISHED);

        test($(Button.class).id("note-toggle-" + note.id())).click();
        assertThat(notes.openCount(approved.id())).isOne();
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void wordsThatAreNotInTheBodyAreRefusedAndTheTypedNoteStays() {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Zakho bridge reopens", "Traffic crossed at noon.", "Zakho"));
        navigate("story/" + approved.id(), StoryView.class);
        openNotes();

        test($(TextArea.class).id("note-text")).setValue("Which noon? Add the time zone.");
        test($(TextField.class).id("note-quote")).setValue("at midnight");
        test($(Button.class).id("note-add")).click();

        assertThat(notes.thread(approved.id())).isEmpty();
        assertThat($(TextArea.class).id("note-text").getValue()).isEqualTo("Which noon? Add the time zone.");
    }

    private void openNotes() {
        TabSheet tabs = $(TabSheet.class).id("story-tabs");
        tabs.setSelectedTab($(Tab.class).id("tab-notes"));
    }
}
