package news.cms.editor.story;

import static news.cms.testsupport.Newsroom.EDITOR;
import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.comment.CommentClosure;
import news.cms.core.comment.CommentThreads;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The story editor's comments switch on real PostgreSQL: editors close and reopen, reporters look. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class StoryCommentsIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    CommentThreads threads;

    @Autowired
    AuditLog audit;

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void anEditorClosesCommentsWithANoteAndReopensThem() {
        Article published = published("Flooding closes the Hamrin road");
        navigate("story/" + published.id(), StoryView.class);
        assertThat(switchRow().isVisible()).isTrue();
        assertThat(text("comments-state")).isEqualTo("Comments: open to readers");
        assertThat($(Button.class).withId("comments-reopen").exists()).isFalse();

        test($(Button.class).id("comments-close")).click();
        String note = "Threats against the family named in the story; legal asked us to close.";
        test($(TextArea.class).id("comments-close-note")).setValue("  " + note + " ");
        test($(Button.class).id("comments-close-confirm")).click();

        CommentClosure stored = threads.closure(published.id()).orElseThrow();
        assertThat(stored.closedBy()).isEqualTo(EDITOR);
        assertThat(stored.note()).isEqualTo(note);
        assertThat(events(published)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("comments.close");
            assertThat(e.actor()).isEqualTo(EDITOR);
            assertThat(e.details()).containsEntry("note", note);
        });
        assertThat(dialogOpen()).isFalse();
        assertThat(text("comments-state")).startsWith("Comments closed by " + EDITOR + " on ");
        assertThat(text("comments-note")).isEqualTo(note);
        assertThat($(Button.class).withId("comments-close").exists()).isFalse();

        test($(Button.class).id("comments-reopen")).click();

        assertThat(threads.closure(published.id())).isEmpty();
        assertThat(events(published)).extracting(AuditEvent::action).contains("comments.reopen");
        assertThat(text("comments-state")).isEqualTo("Comments: open to readers");
        assertThat($(Button.class).id("comments-close").isVisible()).isTrue();
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void theNoteIsRequiredAndAtMostFiveHundredCharacters() {
        Article published = published("Erbil council votes on the new budget");
        navigate("story/" + published.id(), StoryView.class);
        test($(Button.class).id("comments-close")).click();
        TextArea note = $(TextArea.class).id("comments-close-note");

        test(note).setValue("   ");
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Write a short note: why are comments closing?");

        test(note).setValue("ش".repeat(CommentThreads.MAX_NOTE + 1));
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("The note is longer than 500 characters.");
        assertThat(dialogOpen()).isTrue();
        assertThat(threads.closure(published.id())).isEmpty();
        assertThat(events(published)).extracting(AuditEvent::action).doesNotContain("comments.close");

        // The limit counts characters as the service does (code points), not UTF-16 units.
        String longest = "📰".repeat(CommentThreads.MAX_NOTE);
        test(note).setValue(longest);
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat(note.isInvalid()).isFalse();
        assertThat(threads.closure(published.id()))
                .hasValueSatisfying(c -> assertThat(c.note()).isEqualTo(longest));
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void aReporterSeesWhoClosedCommentsButCannotChangeIt() {
        Article published = published("Kirkuk market reopens after the fire");
        Newsroom.as(EDITOR, () -> threads.close(published.id(), "Flood of spam overnight"), Role.EDITOR);
        navigate("story/" + published.id(), StoryView.class);

        assertThat(switchRow().isVisible()).isTrue();
        assertThat(text("comments-state")).startsWith("Comments closed by " + EDITOR + " on ");
        assertThat(text("comments-note")).isEqualTo("Flood of spam overnight");
        assertThat($(Button.class).withId("comments-close").exists()).isFalse();
        assertThat($(Button.class).withId("comments-reopen").exists()).isFalse();
        // A forged request does no better: the service checks the role itself.
        assertThatThrownBy(() -> threads.reopen(published.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> threads.close(published.id(), "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(threads.closure(published.id())).isPresent();
    }

    @Test
    @WithMockUser(username = EDITOR, roles = "EDITOR")
    void aStoryReadersCannotSeeHasNoSwitch() {
        Article draft = Newsroom.asReporter(() ->
                articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "Ankara'da kar yağışı", "Metin.", "Ankara")));
        navigate("story/" + draft.id(), StoryView.class);

        assertThat($(HorizontalLayout.class).withId("comments").exists()).isFalse();
    }

    private Article published(String headline) {
        return Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, headline, "What happened, in short.", "Erbil"));
    }

    private HorizontalLayout switchRow() {
        return $(HorizontalLayout.class).id("comments");
    }

    private String text(String id) {
        return $(Span.class).id(id).getText();
    }

    private boolean dialogOpen() {
        return $(Dialog.class).all().stream()
                .anyMatch(d -> d.getId().orElse("").equals("comments-close-dialog") && d.isOpened());
    }

    private List<AuditEvent> events(Article article) {
        return audit.find(AuditQuery.forTarget("article", article.id().toString()));
    }
}
