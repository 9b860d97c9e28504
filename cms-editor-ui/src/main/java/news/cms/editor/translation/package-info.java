/**
 * Translations in the editor: the side-by-side view of a translation and its source, paragraph by
 * paragraph, with the source's changes since the translated version marked.
 */
@NullMarked
package news.cms.editor.translation;

import org.jspecify.annotations.NullMarked;
