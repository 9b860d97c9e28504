package news.cms.core.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

/** The state machine alone: PENDING → APPROVED | REJECTED(reason), and nothing else. */
class CommentTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant DECIDED = Instant.parse("2026-11-25T09:05:00Z");

    private final Comment pending = Comment.pending(
            CommentId.random(),
            ReceiptId.random(),
            new NewComment(
                    ArticleId.random(),
                    LanguageTag.TURKISH,
                    new DisplayName("Işıl Öztürk"),
                    null,
                    new CommentText("Haber için teşekkürler, çok bilgilendirici."),
                    new ClientFingerprint("fp-1"),
                    new IdempotencyKey("key-1")),
            null,
            SUBMITTED,
            null);

    @Test
    void aNewCommentIsPendingAndUndecided() {
        assertThat(pending.state()).isEqualTo(CommentState.PENDING);
        assertThat(pending.decidedAt()).isNull();
        assertThat(pending.decidedBy()).isNull();
        assertThat(pending.rejectionReason()).isNull();
        assertThat(pending.screening()).isNull();
    }

    @Test
    void approvingRecordsWhoAndWhenAndKeepsTheText() {
        Comment approved = pending.approved("karwan", DECIDED);

        assertThat(approved.state()).isEqualTo(CommentState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("karwan");
        assertThat(approved.decidedAt()).isEqualTo(DECIDED);
        assertThat(approved.text()).isEqualTo(pending.text());
        assertThat(approved.rejectionReason()).isNull();
    }

    @Test
    void rejectingNeedsAReason() {
        assertThatThrownBy(() -> pending.rejected(null, null, "karwan", DECIDED))
                .isInstanceOf(RejectionReasonRequired.class);

        Comment rejected = pending.rejected(RejectionReason.ABUSE, AbuseKind.XENOPHOBIA, "karwan", DECIDED);
        assertThat(rejected.state()).isEqualTo(CommentState.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.ABUSE);
        assertThat(rejected.abuseKind()).isEqualTo(AbuseKind.XENOPHOBIA);
    }

    @Test
    void anAbuseKindOnlyNarrowsAbuse() {
        assertThatThrownBy(() -> pending.rejected(RejectionReason.SPAM, AbuseKind.RACISM, "karwan", DECIDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDecisionIsFinal() {
        Comment approved = pending.approved("karwan", DECIDED);
        Comment rejected = pending.rejected(RejectionReason.SPAM, null, "karwan", DECIDED);

        assertThatThrownBy(() -> approved.approved("layla", DECIDED)).isInstanceOf(CommentAlreadyDecided.class);
        assertThatThrownBy(() -> approved.rejected(RejectionReason.OFF_TOPIC, null, "layla", DECIDED))
                .isInstanceOf(CommentAlreadyDecided.class)
                .hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> rejected.approved("layla", DECIDED))
                .isInstanceOf(CommentAlreadyDecided.class)
                .hasMessageContaining("REJECTED");
        // a decided comment reports that first, even when the new decision is incomplete
        assertThatThrownBy(() -> rejected.rejected(null, null, "layla", DECIDED))
                .isInstanceOf(CommentAlreadyDecided.class);
    }

    @Test
    void inconsistentCommentsCannotBeBuilt() {
        assertThatThrownBy(() -> withState(CommentState.APPROVED, RejectionReason.SPAM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withState(CommentState.REJECTED, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private Comment withState(CommentState state, RejectionReason reason) {
        Comment c = pending;
        return new Comment(
                c.id(),
                c.articleId(),
                c.language(),
                c.displayName(),
                c.emailHash(),
                c.text(),
                state,
                reason,
                null,
                c.receipt(),
                c.clientFingerprint(),
                c.idempotencyKey(),
                c.createdAt(),
                DECIDED,
                "karwan",
                null);
    }
}
