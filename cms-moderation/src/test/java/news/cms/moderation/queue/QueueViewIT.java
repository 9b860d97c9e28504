package news.cms.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.BanBy;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.CommenterBanned;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.Screener;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The moderation queue on real PostgreSQL, driven server-side without a browser. */
@CmsIntegrationTest
@ExtendWith(ThisContextsSecurity.class)
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

    @Autowired
    CommentThreads threads;

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

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void ticksSeveralCommentsAndRejectsThemAllForOneReasonEachAudited() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Van Gölü kuruyor", "Göl çekiliyor.", "Van"));
        Comment a = submit(story, "Hemen satın al: ucuz saatler", "bulk-1", "fp-bot");
        Comment b = submit(story, "Bedava para kazanın", "bulk-2", "fp-bot");
        Comment keep = submit(story, "Göl için çok üzüldüm", "bulk-3", "fp-reader");

        navigate(QueueView.class);
        @SuppressWarnings("unchecked")
        Grid<QueueView.Item> grid = $(Grid.class).id("queue-grid");
        grid.deselectAll();
        items(grid, a, b).forEach(grid::select);
        assertThat(grid.getSelectedItems()).hasSize(2);
        assertThat($(Button.class).id("reject").getText()).isEqualTo("Reject 2 (R)");

        fireShortcut(Key.DIGIT_8);
        assertThat($(RadioButtonGroup.class).id("reason").getValue()).isEqualTo(RejectionReason.SPAM);
        fireShortcut(Key.KEY_R);

        assertThat(List.of(a, b)).allSatisfy(c -> {
            Comment decided = comments.find(c.id()).orElseThrow();
            assertThat(decided.state()).isEqualTo(CommentState.REJECTED);
            assertThat(decided.rejectionReason()).isEqualTo(RejectionReason.SPAM);
        });
        assertThat(comments.find(keep.id()).orElseThrow().isPending()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'comment.reject' and actor = 'mona'"
                                + " and target_id in (?, ?)")
                        .params(a.id().toString(), b.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(grid.getListDataView().getItems().map(i -> i.comment().id())).containsExactly(keep.id());
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void showsTheCommentersHistoryAndBansThemWithAReasonWhichTheIntakeThenHonours() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "پردێکی نوێ لە هەولێر", "پردەکە کرایەوە.", "هەولێر"));
        Comment earlier = submit(story, "تۆ گەمژەیت", "hist-1", "fp-aram");
        Newsroom.as("mona", () -> comments.reject(earlier.id(), RejectionReason.PERSONAL_ATTACKS), Role.MODERATOR);
        Comment now = submit(story, "دیسان من، گەمژە", "hist-2", "fp-aram");

        navigate(QueueView.class);
        @SuppressWarnings("unchecked")
        Grid<QueueView.Item> grid = $(Grid.class).id("queue-grid");
        grid.deselectAll();
        items(grid, now).forEach(grid::select);
        Div history = $(Div.class).id("commenter-history");
        assertThat(history.getElement().getTextRecursively())
                .contains("rejected (personal-attacks)")
                .contains("تۆ گەمژەیت");

        fireShortcut(Key.KEY_B);
        BanDialog dialog = $(BanDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        // Single-key shortcuts do nothing while the dialog, which has a text field, is open.
        fireShortcut(Key.KEY_A);
        assertThat(comments.find(now.id()).orElseThrow().isPending()).isTrue();

        @SuppressWarnings("unchecked")
        CheckboxGroup<BanBy> banBy = $(CheckboxGroup.class).id("ban-by");
        assertThat(banBy.getValue())
                .as("by address unless the moderator unticks it")
                .contains(BanBy.ADDRESS);
        assertThat(banBy.getValue()).doesNotContain(BanBy.NETWORK);

        test($(Button.class).id("ban-confirm")).click();
        TextArea reasonField = $(TextArea.class).id("ban-reason");
        assertThat(reasonField.isInvalid()).as("a ban needs a reason").isTrue();
        assertThat(comments.bansOf(now.id())).isEmpty();

        test($(RadioButtonGroup.class).id("ban-term")).selectItem(BanDialog.PERMANENT);
        test(reasonField).setValue("سووکایەتی دووبارە بە نووسەر");
        test($(Button.class).id("ban-confirm")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(comments.bansOf(now.id())).singleElement().satisfies(ban -> {
            assertThat(ban.isPermanent()).isTrue();
            assertThat(ban.reason().value()).isEqualTo("سووکایەتی دووبارە بە نووسەر");
            assertThat(ban.bannedBy()).isEqualTo("mona");
            assertThat(ban.clientFingerprint()).isEqualTo(new ClientFingerprint("fp-aram"));
        });
        assertThat($(Div.class).id("commenter-history").getElement().getTextRecursively())
                .contains("Banned for good by mona");
        assertThatThrownBy(() -> submit(story, "من دیسان", "hist-3", "fp-aram")).isInstanceOf(CommenterBanned.class);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'comment.ban' and actor = 'mona'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void aModeratorClosesAStorysCommentsFromTheQueueAndReopensThem() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Derbi sonrası olaylar", "Maç sonrası gerginlik yaşandı.", "İstanbul"));
        Comment pending = submit(story, "Hakem satılmış!", "close-1", "fp-derbi");

        navigate(QueueView.class);
        @SuppressWarnings("unchecked")
        Grid<QueueView.Item> grid = $(Grid.class).id("queue-grid");
        grid.deselectAll();
        items(grid, pending).forEach(grid::select);
        test($(Button.class).id("comments-toggle")).click();

        assertThat(threads.closure(story.id()))
                .hasValueSatisfying(c -> assertThat(c.closedBy()).isEqualTo("mona"));
        assertThat($(Span.class).id("comments-closed").getText()).contains("closed by mona");
        assertThat(comments.find(pending.id()).orElseThrow().isPending())
                .as("closing keeps the pending comments for a decision")
                .isTrue();

        test($(Button.class).id("comments-toggle")).click();
        assertThat(threads.closure(story.id())).isEmpty();
    }

    private static List<QueueView.Item> items(Grid<QueueView.Item> grid, Comment... wanted) {
        List<CommentId> ids = Arrays.stream(wanted).map(Comment::id).toList();
        return grid.getListDataView()
                .getItems()
                .filter(i -> ids.contains(i.comment().id()))
                .toList();
    }

    private Comment submit(Article story, String text, String key, String fingerprint) {
        NewComment comment = new NewComment(
                story.id(),
                story.content().language(),
                new DisplayName("قارئ"),
                null,
                new CommentText(text),
                new ClientFingerprint(fingerprint),
                new IdempotencyKey(key));
        return comments.submit(
                        comment, screener.screen(text, comment.language()).toJson())
                .comment();
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
