/**
 * Article bodies: Markdown source rendered to sanitised HTML with per-paragraph text direction, and
 * the plain text that search and the partner feed use.
 */
@NullMarked
package news.cms.core.body;

import org.jspecify.annotations.NullMarked;
