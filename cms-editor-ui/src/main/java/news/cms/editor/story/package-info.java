/**
 * The story editor: the form over {@code ArticleContent} with live previews, the edit lock, the
 * workflow actions the server allows, and the story's history.
 */
@NullMarked
package news.cms.editor.story;

import org.jspecify.annotations.NullMarked;
