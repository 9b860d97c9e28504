/**
 * Linked translations: the language versions of one story in a group (at most one per language),
 * each knowing the source and version it was made from, flagged stale when the source's text moves
 * on (docs/adr/0019).
 */
@NullMarked
package news.cms.core.translation;

import org.jspecify.annotations.NullMarked;
