/**
 * The readers' comment API under {@code /v1}: intake (checks, rate limits, screening, idempotent
 * store) and the receipt status with the rejection reason in the commenter's language. Stateless,
 * open to everyone, CSRF-exempt; every refusal is an RFC 9457 problem detail.
 */
@NullMarked
package news.cms.moderation.intake;

import org.jspecify.annotations.NullMarked;
