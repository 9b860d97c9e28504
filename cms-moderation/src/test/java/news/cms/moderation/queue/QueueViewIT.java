package news.cms.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.AbuseKind;
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
import news.cms.core.comment.QueueQuery;
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

/**
 * The moderation queue on real PostgreSQL, driven server-side without a browser. Decisions wait out
 * the undo window (5 s by default) before they are stored, so the tests wait for the database.
 */
@CmsIntegrationTest
@ExtendWith(ThisContextsSecurity.class)
@ViewPackages(packages = "news.cms.moderation")
class QueueViewIT extends SpringBrowserlessTest {

    private static final Duration STORED = Duration.ofSeconds(20);

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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient cleaner;

    @Autowired
    org.springframework.core.env.Environment environment;

    // Each test sees only its own queue (the class's tables are emptied once); bans keep their comment.
    @org.junit.jupiter.api.BeforeEach
    void onlyThisTestsComments() {
        news.cms.testsupport.DatabaseOwner.deleteComments(
                environment, "not exists (select 1 from comment_ban b where b.comment_id = c.id)");
        cleaner.sql("update comment set state = 'REJECTED', rejection_reason = 'spam', decided_at = now(),"
                        + " decided_by = 'earlier-test' where state = 'PENDING'")
                .update();
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void aModeratorSeesAFlaggedArabicCommentWithEvidenceNamedInWordsAndRejectsItByKeyboard() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد في الموصل", "افتُتح الجسر صباح اليوم.", "الموصل"));
        Comment clean = submit(story, "شكرا على التقرير", "k-clean");
        Comment flagged = submit(story, "أنت غـبي يا <b>كاتب</b> المقال", "k-flagged");

        navigate(QueueView.class);
        order().setValue(QueueQuery.Order.RISKIEST);

        Paragraph text = $(Paragraph.class).id("comment-text");
        assertThat(text.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text.getElement().getAttribute("lang")).isEqualTo("ar");
        assertThat($(Mark.class).all()).singleElement().satisfies(mark -> {
            assertThat(mark.getText()).isEqualTo("غـبي");
            assertThat(mark.getTitle()).hasValue("personal attacks");
        });
        // The category in words beside the highlight, not colour alone.
        assertThat($(Span.class).withClassName("evidence-category").all())
                .singleElement()
                .satisfies(label -> assertThat(label.getText()).isEqualTo("[personal attacks]"));
        // The reader's markup is text, not elements.
        assertThat(text.getElement().getTextRecursively())
                .isEqualTo("أنت غـبي[personal attacks] يا <b>كاتب</b> المقال");
        assertThat(reason().getValue()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        assertThat($(Span.class).withId("screening-flags").exists()).isTrue();

        panel().key("KeyR");

        // Held for the undo window: gone from the queue at once, the clean comment shown next.
        assertThat(gridIds()).containsExactly(clean.id());
        assertThat($(Mark.class).all()).isEmpty();
        Comment decided = await().pollInSameThread()
                .atMost(STORED)
                .until(() -> comments.find(flagged.id()).orElseThrow(), c -> !c.isPending());
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

        panel().key("KeyA");
        await().pollInSameThread()
                .atMost(STORED)
                .until(() -> comments.find(clean.id()).orElseThrow().state() == CommentState.APPROVED);
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void theQueueCountsAndScrollsPastTheFirstHundred() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "İzmir'de yeni park", "Park açıldı.", "İzmir"));
        List<CommentId> sent = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            sent.add(submit(story, "Güzel haber, teşekkürler " + i, "many-" + i, "fp-" + i)
                    .id());
        }

        navigate(QueueView.class);

        assertThat($(Span.class).id("queue-count").getText()).isEqualTo("130 comments waiting for a decision");
        assertThat($(Span.class).id("queue-count").getElement().getAttribute("role"))
                .isEqualTo("status");
        assertThat(gridIds()).containsExactlyElementsOf(sent);
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void afterADecisionTheNextCommentIsChosenNotTheFirstAndUndoBringsItBack() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "باران لە سلێمانی", "باران باری.", "سلێمانی"));
        Comment first = submit(story, "یەکەم لێدوان", "next-1", "fp-a");
        Comment second = submit(story, "دووەم لێدوان", "next-2", "fp-b");
        Comment third = submit(story, "سێیەم لێدوان", "next-3", "fp-c");

        navigate(QueueView.class);
        assertThat(shownText()).isEqualTo("یەکەم لێدوان");
        panel().key("KeyJ");
        assertThat(shownText()).isEqualTo("دووەم لێدوان");
        panel().key("KeyA");
        assertThat(shownText()).as("the one after the decided comment").isEqualTo("سێیەم لێدوان");
        assertThat(gridIds()).containsExactly(first.id(), third.id());

        test($(Button.class).id("undo")).click();
        assertThat(gridIds()).containsExactly(first.id(), second.id(), third.id());
        assertThat(shownText()).isEqualTo("دووەم لێدوان");
        await().pollInSameThread()
                .during(Duration.ofSeconds(6))
                .atMost(Duration.ofSeconds(8))
                .until(() -> comments.find(second.id()).orElseThrow().isPending());

        panel().key("KeyK");
        assertThat(shownText()).isEqualTo("یەکەم لێدوان");
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void aBulkDecisionOnMoreThanAFewCommentsAsksFirst() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Van Gölü kuruyor", "Göl çekiliyor.", "Van"));
        List<Comment> bots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bots.add(submit(story, "Bedava para kazanın " + i, "bulk-" + i, "fp-bot"));
        }
        Comment keep = submit(story, "Göl için çok üzüldüm", "bulk-keep", "fp-reader");

        navigate(QueueView.class);
        Grid<QueueView.Item> grid = grid();
        grid.deselectAll();
        items(grid, bots.toArray(Comment[]::new)).forEach(grid::select);
        assertThat($(Button.class).id("reject").getText()).isEqualTo("Reject 5 (R)");
        panel().key("Digit8");
        assertThat(reason().getValue()).isEqualTo(RejectionReason.SPAM);
        panel().key("KeyR");

        ConfirmDialog confirm = $(ConfirmDialog.class).id("bulk-confirm");
        assertThat(confirm.isOpened()).isTrue();
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Reject 5 comments?");
        assertThat(gridIds()).as("nothing held before the answer").hasSize(6);
        ComponentUtil.fireEvent(confirm, new ConfirmDialog.ConfirmEvent(confirm, true));

        assertThat(gridIds()).containsExactly(keep.id());
        await().pollInSameThread()
                .atMost(STORED)
                .until(() -> bots.stream()
                        .allMatch(c -> comments.find(c.id()).orElseThrow().rejectionReason() == RejectionReason.SPAM));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'comment.reject' and actor = 'mona'"
                                + " and details ->> 'article' = ?")
                        .param(story.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(5L);
        assertThat(comments.find(keep.id()).orElseThrow().isPending()).isTrue();
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void rejectingForAbuseRecordsWhichAbuse() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Refugees arrive in Erbil", "Families arrived.", "Erbil"));
        Comment hateful = submit(story, "Send them all back where they came from", "abuse-1", "fp-x");

        navigate(QueueView.class);
        panel().key("Digit5");
        @SuppressWarnings("unchecked")
        Select<AbuseKind> kind = $(Select.class).id("abuse-kind");
        assertThat(kind.isVisible()).isTrue();
        kind.setValue(AbuseKind.XENOPHOBIA);
        test($(Button.class).id("reject")).click();

        Comment decided = await().pollInSameThread()
                .atMost(STORED)
                .until(() -> comments.find(hateful.id()).orElseThrow(), c -> !c.isPending());
        assertThat(decided.rejectionReason()).isEqualTo(RejectionReason.ABUSE);
        assertThat(decided.abuseKind()).isEqualTo(AbuseKind.XENOPHOBIA);
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void queuesFiltersSearchAndNewCommentsWithoutReload() {
        Article arabicStory = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "مهرجان الكتاب في بغداد", "بدأ المهرجان.", "بغداد"));
        Article turkishStory = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "Ankara'da kar", "Kar yağdı.", "Ankara"));
        Comment ar = submit(arabicStory, "مهرجان رائع هذا العام", "f-1", "fp-1");
        Comment tr = submit(turkishStory, "Kar çok güzel", "f-2", "fp-2", LanguageTag.TURKISH);
        Comment decided = submit(turkishStory, "Bence de öyle", "f-3", "fp-3", LanguageTag.TURKISH);
        Newsroom.as("mona", () -> comments.approve(decided.id()), Role.MODERATOR);

        navigate(QueueView.class);
        assertThat(gridIds()).containsExactly(ar.id(), tr.id());
        @SuppressWarnings("unchecked")
        Select<String> language = $(Select.class).id("language-filter");
        language.setValue("tr");
        assertThat(gridIds()).containsExactly(tr.id());
        language.clear();
        test($(TextField.class).id("search")).setValue("رائع");
        assertThat(gridIds()).containsExactly(ar.id());
        test($(TextField.class).id("search")).setValue("");
        test($(Button.class).id("only-story")).click();
        assertThat($(Button.class).id("story-filter").getText()).contains("مهرجان الكتاب في بغداد");
        assertThat(gridIds()).containsExactly(ar.id());
        test($(Button.class).id("story-filter")).click();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<CommentState> state = $(RadioButtonGroup.class).id("queue-state");
        state.setValue(CommentState.APPROVED);
        assertThat($(H1.class).id("queue-title").getText()).isEqualTo("Approved comments");
        assertThat(gridIds()).containsExactly(decided.id());
        assertThat($(Span.class).id("comment-decision").getText()).startsWith("Approved by mona at ");
        assertThat($(Button.class).withId("approve").exists())
                .as("a decision is final")
                .isFalse();

        state.setValue(CommentState.PENDING);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5000);
        Comment arriving = submit(arabicStory, "وصل تعليق جديد", "f-4", "fp-4");
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(gridIds()).containsExactly(ar.id(), tr.id(), arriving.id());
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void aModeratorTurnsTheSingleKeysOff() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Bridge opens in Mosul", "It opened.", "Mosul"));
        submit(story, "Great news for the city", "keys-1", "fp-k", LanguageTag.ENGLISH);

        navigate(QueueView.class);
        CommentPanel panel = panel();
        assertThat(panel.getElement().getAttribute("aria-keyshortcuts")).isEqualTo(CommentPanel.SHORTCUTS);
        assertThat($(Button.class).id("approve").getElement().getAttribute("aria-keyshortcuts"))
                .isEqualTo("A");
        assertThat(panel.getElement().getAttribute("tabindex")).isEqualTo("0");

        $(Checkbox.class).id("keys-enabled").setValue(false);

        assertThat(panel.keysEnabled()).isFalse();
        assertThat(panel.getElement().hasAttribute("aria-keyshortcuts")).isFalse();
        assertThat($(Button.class).id("approve").getElement().hasAttribute("aria-keyshortcuts"))
                .isFalse();
        assertThat($(Button.class).id("approve").getText()).isEqualTo("Approve");
        navigate(QueueView.class);
        assertThat($(Checkbox.class).id("keys-enabled").getValue())
                .as("kept for the session")
                .isFalse();
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
        Div history = $(Div.class).id("commenter-history");
        assertThat(history.getElement().getTextRecursively())
                .contains("rejected (personal attacks)")
                .contains("تۆ گەمژەیت");

        panel().key("KeyB");
        BanDialog dialog = $(BanDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        // The panel's keys do nothing while the dialog, which has a text field, is open.
        panel().key("KeyA");
        assertThat(gridIds()).contains(now.id());

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

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> term = $(RadioButtonGroup.class).id("ban-term");
        term.setValue(BanDialog.PERMANENT);
        test(reasonField).setValue("سووکایەتی دووبارە بە نووسەر 12345678");
        test($(Button.class).id("ban-confirm")).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(comments.bansOf(now.id())).singleElement().satisfies(ban -> {
            assertThat(ban.isPermanent()).isTrue();
            assertThat(ban.reason().value()).isEqualTo("سووکایەتی دووبارە بە نووسەر 12345678");
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
    void closingAStorysCommentsAsksForANoteAsTheEditorDoes() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Derbi sonrası olaylar", "Maç sonrası gerginlik yaşandı.", "İstanbul"));
        Comment pending = submit(story, "Hakem satılmış!", "close-1", "fp-derbi");

        navigate(QueueView.class);
        test($(Button.class).id("comments-toggle")).click();
        assertThat(threads.closure(story.id())).as("one click no longer closes").isEmpty();
        test($(Button.class).id("comments-close-confirm")).click();
        TextArea note = $(TextArea.class).id("comments-close-note");
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("Write a short note: why are the comments closing?");
        assertThat(threads.closure(story.id())).isEmpty();

        test(note).setValue("Hakaret seli, maç bitene kadar");
        test($(Button.class).id("comments-close-confirm")).click();

        assertThat(threads.closure(story.id())).hasValueSatisfying(c -> {
            assertThat(c.closedBy()).isEqualTo("mona");
            assertThat(c.note()).isEqualTo("Hakaret seli, maç bitene kadar");
        });
        assertThat($(Span.class).id("comments-closed").getText()).contains("closed by mona");
        assertThat(comments.find(pending.id()).orElseThrow().isPending())
                .as("closing keeps the pending comments for a decision")
                .isTrue();

        test($(Button.class).id("comments-toggle")).click();
        assertThat(threads.closure(story.id())).isEmpty();
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void oneCommentOnItsOwnPage() {
        Article story = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "أمطار في البصرة", "هطلت الأمطار.", "البصرة"));
        Comment c = submit(story, "الجو جميل اليوم", "single-1", "fp-s");

        navigate("comment/" + c.id(), CommentView.class);
        assertThat($(H1.class).id("single-title").getText()).isEqualTo("One comment");
        assertThat(shownText()).isEqualTo("الجو جميل اليوم");
        panel().key("KeyA");
        await().pollInSameThread()
                .atMost(STORED)
                .until(() -> comments.find(c.id()).orElseThrow().state() == CommentState.APPROVED);
    }

    private CommentPanel panel() {
        return $(CommentPanel.class).single();
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<QueueQuery.Order> order() {
        return $(RadioButtonGroup.class).id("queue-order");
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<RejectionReason> reason() {
        return $(RadioButtonGroup.class).id("reason");
    }

    @SuppressWarnings("unchecked")
    private Grid<QueueView.Item> grid() {
        return $(Grid.class).id("queue-grid");
    }

    private List<CommentId> gridIds() {
        return grid().getLazyDataView().getItems().map(i -> i.comment().id()).toList();
    }

    private String shownText() {
        return $(Paragraph.class).id("comment-text").getElement().getTextRecursively();
    }

    private static List<QueueView.Item> items(Grid<QueueView.Item> grid, Comment... wanted) {
        List<CommentId> ids = Arrays.stream(wanted).map(Comment::id).toList();
        return grid.getLazyDataView()
                .getItems()
                .filter(i -> ids.contains(i.comment().id()))
                .toList();
    }

    private Comment submit(Article story, String text, String key, String fingerprint) {
        return submit(story, text, key, fingerprint, story.content().language());
    }

    private Comment submit(Article story, String text, String key, String fingerprint, LanguageTag language) {
        NewComment comment = new NewComment(
                story.id(),
                language,
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
        return submit(story, text, key, "fp-queue", LanguageTag.ARABIC);
    }
}
