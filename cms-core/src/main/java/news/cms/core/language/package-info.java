/**
 * Shared kernel for text: language tags, text direction and the cleaning rule every input passes.
 */
@NullMarked
package news.cms.core.language;

import org.jspecify.annotations.NullMarked;
