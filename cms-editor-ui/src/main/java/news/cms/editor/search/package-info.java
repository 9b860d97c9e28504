/** Search over the published stories, with the engine's highlights rendered as text and marks, never as HTML. */
@NullMarked
package news.cms.editor.search;

import org.jspecify.annotations.NullMarked;
