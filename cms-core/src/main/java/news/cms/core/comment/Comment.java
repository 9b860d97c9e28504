package news.cms.core.comment;

import java.time.Instant;
import news.cms.core.article.ArticleId;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * A reader's comment on an article. Immutable, and so is what the reader sent: the only change a
 * comment ever sees is one decision, PENDING → APPROVED or PENDING → REJECTED with a reason.
 *
 * <p>Readers may see an approved comment's text, display name, language and time; the e-mail hash,
 * client fingerprint, receipt and idempotency key are for moderation and must not leave the apps.
 *
 * @param emailHash the commenter's e-mail, hashed; null when none was given
 * @param rejectionReason set exactly when the state is REJECTED
 * @param abuseKind optionally narrows an {@link RejectionReason#ABUSE} rejection
 * @param receipt the commenter's handle to ask for the decision
 * @param decidedAt when a moderator decided; null while PENDING
 * @param decidedBy the moderator's username; null while PENDING
 * @param screening the automatic screening's result as a JSON object (see
 *     {@code news.cms.core.screening.ScreeningResult}: risk, suggested reason, evidence with offsets),
 *     null when the comment was not screened
 */
public record Comment(
        CommentId id,
        ArticleId articleId,
        LanguageTag language,
        DisplayName displayName,
        @Nullable EmailHash emailHash,
        CommentText text,
        CommentState state,
        @Nullable RejectionReason rejectionReason,
        @Nullable AbuseKind abuseKind,
        ReceiptId receipt,
        ClientFingerprint clientFingerprint,
        IdempotencyKey idempotencyKey,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String screening) {

    public Comment {
        if (id == null
                || articleId == null
                || language == null
                || displayName == null
                || text == null
                || state == null
                || receipt == null
                || clientFingerprint == null
                || idempotencyKey == null
                || createdAt == null) {
            throw new IllegalArgumentException("a comment misses a required value");
        }
        if ((rejectionReason != null) != (state == CommentState.REJECTED)) {
            throw new IllegalArgumentException("a comment has a rejection reason exactly when it is REJECTED");
        }
        if (abuseKind != null && rejectionReason != RejectionReason.ABUSE) {
            throw new IllegalArgumentException("an abuse kind only narrows a rejection for abuse");
        }
        if ((decidedAt != null) != state.isDecided() || (decidedBy != null) != state.isDecided()) {
            throw new IllegalArgumentException("a comment has a decision time and moderator exactly when decided");
        }
    }

    static Comment pending(
            CommentId id,
            ReceiptId receipt,
            NewComment c,
            @Nullable EmailHash email,
            Instant now,
            @Nullable String screening) {
        return new Comment(
                id,
                c.articleId(),
                c.language(),
                c.displayName(),
                email,
                c.text(),
                CommentState.PENDING,
                null,
                null,
                receipt,
                c.clientFingerprint(),
                c.idempotencyKey(),
                now,
                null,
                null,
                screening);
    }

    /**
     * @throws CommentAlreadyDecided unless the comment is PENDING
     */
    Comment approved(String moderator, Instant now) {
        requirePending();
        return decided(CommentState.APPROVED, null, null, moderator, now);
    }

    /**
     * @throws CommentAlreadyDecided unless the comment is PENDING
     * @throws RejectionReasonRequired when no reason is given
     * @throws IllegalArgumentException when an abuse kind comes with another reason than ABUSE
     */
    Comment rejected(@Nullable RejectionReason reason, @Nullable AbuseKind kind, String moderator, Instant now) {
        requirePending();
        if (reason == null) {
            throw new RejectionReasonRequired(id);
        }
        if (kind != null && reason != RejectionReason.ABUSE) {
            throw new IllegalArgumentException("an abuse kind only narrows a rejection for abuse, not " + reason);
        }
        return decided(CommentState.REJECTED, reason, kind, moderator, now);
    }

    /**
     * Whether {@code sent} is this comment sent again (same article, language, name, e-mail and text,
     * after cleaning), as a retry must be; anything else under the same key is a reused key.
     *
     * @param email the hash of the e-mail sent now, if any
     */
    public boolean isSameSubmissionAs(NewComment sent, @Nullable EmailHash email) {
        return articleId.equals(sent.articleId())
                && language.equals(sent.language())
                && displayName.equals(sent.displayName())
                && text.equals(sent.text())
                && java.util.Objects.equals(emailHash, email);
    }

    public boolean isPending() {
        return state == CommentState.PENDING;
    }

    private void requirePending() {
        if (state.isDecided()) {
            throw new CommentAlreadyDecided(id, state);
        }
    }

    private Comment decided(
            CommentState to,
            @Nullable RejectionReason reason,
            @Nullable AbuseKind kind,
            String moderator,
            Instant now) {
        return new Comment(
                id,
                articleId,
                language,
                displayName,
                emailHash,
                text,
                to,
                reason,
                kind,
                receipt,
                clientFingerprint,
                idempotencyKey,
                createdAt,
                now,
                moderator,
                screening);
    }
}
