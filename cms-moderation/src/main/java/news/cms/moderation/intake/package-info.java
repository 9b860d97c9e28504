/**
 * The readers' comment API under {@code /v1}: intake (checks, rate limits, screening, idempotent
 * store; banned commenters get 403), the receipt status with the rejection reason in the commenter's
 * language, and readers' list of an article's approved comments (signed cursors, strong ETags). Stateless,
 * open to everyone, CSRF-exempt; every refusal is an RFC 9457 problem detail.
 */
@NullMarked
package news.cms.moderation.intake;

import org.jspecify.annotations.NullMarked;
