/**
 * Automatic screening of reader comments against the guidelines before a moderator sees them: word
 * and pattern rules per language and category, matched on script-aware normalised text, reported as
 * evidence with offsets into the original text, a risk score and a suggested rejection reason.
 * Screening never approves; it only sorts and pre-selects for a human.
 */
@NullMarked
package news.cms.core.screening;

import org.jspecify.annotations.NullMarked;
