package news.cms.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Map;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.Screener;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The moderation queue on real PostgreSQL, driven server-side without a browser. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.moderation")
class QueueViewIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    Screener screener;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void aModeratorSeesAFlaggedArabicCommentWithEvidenceAndRejectsItByKeyboard() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد في الموصل", "افتُتح الجسر صباح اليوم.", "الموصل"));
        Comment clean = submit(story, "شكرا على التقرير", "k-clean");
        Comment flagged = submit(story, "أنت غـبي يا <b>كاتب</b> المقال", "k-flagged");

        navigate(QueueView.class);
        test($(RadioButtonGroup.class).id("queue-order")).selectItem(QueueView.RISKIEST);

        Paragraph text = $(Paragraph.class).id("comment-text");
        assertThat(text.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text.getElement().getAttribute("lang")).isEqualTo("ar");
        assertThat($(Mark.class).all()).singleElement().satisfies(mark -> {
            assertThat(mark.getText()).isEqualTo("غـبي");
            assertThat(mark.getTitle()).hasValue("personal attacks");
        });
        // The reader's markup is text, not elements.
        assertThat(text.getElement().getTextRecursively()).isEqualTo("أنت غـبي يا <b>كاتب</b> المقال");
        assertThat($(RadioButtonGroup.class).id("reason").getValue()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .withId("screening-flags")
                        .exists())
                .isTrue();

        fireShortcut(Key.KEY_R);

        Comment decided = comments.find(flagged.id()).orElseThrow();
        assertThat(decided.state()).isEqualTo(CommentState.REJECTED);
        assertThat(decided.rejectionReason()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        assertThat(decided.decidedBy()).isEqualTo("mona");
        assertThat(comments.find(clean.id()).orElseThrow().isPending()).isTrue();
        Map<String, Object> audit = jdbc.sql(
                        "select actor, action, details ->> 'reason' as reason from audit_event where target_id = ?")
                .param(flagged.id().toString())
                .query()
                .singleRow();
        assertThat(audit)
                .containsEntry("actor", "mona")
                .containsEntry("action", "comment.reject")
                .containsEntry("reason", "personal-attacks");

        // The clean comment is next; A approves it.
        assertThat($(Mark.class).all()).isEmpty();
        fireShortcut(Key.KEY_A);
        assertThat(comments.find(clean.id()).orElseThrow().state()).isEqualTo(CommentState.APPROVED);
    }

    private Comment submit(Article story, String text, String key) {
        NewComment comment = new NewComment(
                story.id(),
                LanguageTag.ARABIC,
                new DisplayName("سلمى"),
                null,
                new CommentText(text),
                new ClientFingerprint("fp-queue"),
                new IdempotencyKey(key));
        return comments.submit(
                        comment, screener.screen(text, comment.language()).toJson())
                .comment();
    }
}
