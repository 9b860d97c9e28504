/**
 * Writing aids: words and characters counted the way a reader of the text's language counts them,
 * the targets a desk sets per section, and reading time. The counter is the one ninjs's
 * {@code wordcount} uses, so the editor and partners see the same number.
 */
@NullMarked
package news.cms.core.writing;

import org.jspecify.annotations.NullMarked;
