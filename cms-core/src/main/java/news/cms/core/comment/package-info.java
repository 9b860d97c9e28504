/**
 * Reader comments' domain rules: the {@link news.cms.core.comment.Comment} aggregate and its value
 * types, the pre-moderation state machine (PENDING → APPROVED | REJECTED with a guideline reason),
 * bans of commenters by client fingerprint or e-mail hash (checked on every submission), a
 * commenter's history, bulk decisions and repeat counts for screening, and
 * {@link news.cms.core.comment.CommentService}, the one way to store and decide comments. A
 * comment's text is never edited; the database refuses it too. cms-moderation builds intake and the
 * moderation queue on this API.
 */
@NullMarked
package news.cms.core.comment;

import org.jspecify.annotations.NullMarked;
